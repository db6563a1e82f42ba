"""Ctrl-C with a ThreadPoolExecutor: cancel what has not started, ask the rest to stop."""

import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

# Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

stop = threading.Event()


def task(i: int) -> str:
    for _ in range(50):  # 50 steps of 0.02 s: one second of work
        if stop.is_set():
            return "stopped early"
        time.sleep(0.02)
    return "finished"


timer = threading.Timer(0.3, os.kill, args=(os.getpid(), signal.SIGINT))  # "Ctrl-C" at 0.3 s
start = time.perf_counter()
pool = ThreadPoolExecutor(max_workers=4)
futures = [pool.submit(task, i) for i in range(40)]  # 10 s of work on 4 threads
timer.start()
try:
    for future in as_completed(futures):
        print(future.result())
except KeyboardInterrupt:
    print("KeyboardInterrupt: cancelling")
    stop.set()  # running tasks see the flag and return
    # A `with ThreadPoolExecutor()` block would call shutdown(wait=True) here and run all
    # 36 queued tasks first. cancel_futures=True (3.9+) drops them instead.
    pool.shutdown(wait=True, cancel_futures=True)
else:
    pool.shutdown()
timer.join()

outcomes: dict[str, int] = {}
for future in futures:
    outcome = "cancelled" if future.cancelled() else future.result()
    outcomes[outcome] = outcomes.get(outcome, 0) + 1
print(outcomes)
print(f"shut down after {time.perf_counter() - start:.2f} s instead of 10 s")
print("threads left:", [t.name for t in threading.enumerate()])

# example: sigint
# Output:
#> KeyboardInterrupt: cancelling
#> {'stopped early': 4, 'cancelled': 36}
#> shut down after {float<2.0} s instead of 10 s
#> threads left: ['MainThread']
