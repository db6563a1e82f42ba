"""Ctrl-C while an interpreter pool is busy: cancel what is queued, let running calls finish.

Signals are handled only in the main thread of the main interpreter, so KeyboardInterrupt
arrives in the code that is waiting for results, never inside a worker interpreter.
"""

import signal
import threading
import time

try:
    from concurrent import interpreters
    from concurrent.futures import InterpreterPoolExecutor  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport import interpreters
    from interpreters_backport.concurrent.futures import InterpreterPoolExecutor

# Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def press_ctrl_c() -> None:
    signal.raise_signal(signal.SIGINT)  # what the terminal does when you press Ctrl-C


start = time.perf_counter()
pool = InterpreterPoolExecutor(max_workers=2)
try:
    futures = [pool.submit(time.sleep, 0.2) for _ in range(20)]  # 2 s of work in all
    futures[0].result()
    press_ctrl_c()  # KeyboardInterrupt is raised here, in the main thread
except KeyboardInterrupt:
    print("KeyboardInterrupt in the main thread")
finally:
    pool.shutdown(wait=True, cancel_futures=True)  # drop the queue, join the workers

cancelled = sum(f.cancelled() for f in futures)
print(f"program free after {time.perf_counter() - start:.2f} s, {cancelled} calls cancelled")
print(
    f"threads left: {threading.active_count()}, interpreters left: {len(interpreters.list_all())}"
)

# example: python>=3.13 sigint
# Output (timings vary):
#> KeyboardInterrupt in the main thread
#> program free after {float<1.5} s, {int>=14<=18} calls cancelled
#> threads left: 1, interpreters left: 1
