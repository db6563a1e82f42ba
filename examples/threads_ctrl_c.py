"""Ctrl-C with threads: only the main thread gets KeyboardInterrupt; an Event stops the rest."""

import os
import signal
import threading
import time

# Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

stop = threading.Event()
steps_done: dict[str, int] = {}


def worker() -> None:
    name = threading.current_thread().name
    steps = 0
    while not stop.is_set():  # check the flag between units of work
        time.sleep(0.02)  # one unit of work
        steps += 1
    steps_done[name] = steps


def stuck_worker() -> None:
    time.sleep(2)  # a blocking call that cannot check the flag (no timeout on it)


def press_ctrl_c_in(seconds: float) -> threading.Timer:
    """Send SIGINT to this process, as Ctrl-C in a terminal does."""
    timer = threading.Timer(seconds, os.kill, args=(os.getpid(), signal.SIGINT))
    timer.start()
    return timer


workers = [threading.Thread(target=worker, name=f"worker-{i}") for i in (1, 2)]
workers.append(threading.Thread(target=stuck_worker, name="stuck"))
for thread in workers:
    thread.start()
timer = press_ctrl_c_in(0.3)
try:
    for thread in workers:
        thread.join()  # interruptible: Ctrl-C raises KeyboardInterrupt right here
except KeyboardInterrupt:
    print("KeyboardInterrupt raised in", threading.current_thread().name)
    stop.set()  # ask every worker to stop
    deadline = time.monotonic() + 0.5
    for thread in workers:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))  # join() returns None anyway
        if thread.is_alive():  # ...so this is how you learn that it timed out
            print(f"{thread.name} is still running after the 0.5 s grace period")
timer.join()
for name, steps in sorted(steps_done.items()):
    print(f"{name} stopped cleanly after {steps} steps")
for thread in workers:
    thread.join()  # the interpreter would wait for it anyway: it is not a daemon thread
print("threads left:", [t.name for t in threading.enumerate()])

# example: sigint
# Output:
#> KeyboardInterrupt raised in MainThread
#> stuck is still running after the 0.5 s grace period
#> worker-1 stopped cleanly after {int} steps
#> worker-2 stopped cleanly after {int} steps
#> threads left: ['MainThread']
