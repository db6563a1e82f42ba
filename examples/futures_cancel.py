"""Cancelling: cancel() only stops calls that have not started; shutdown can cancel all of those."""

import threading
import time
from concurrent.futures import CancelledError, ThreadPoolExecutor

started = threading.Event()


def job(n: int) -> int:
    started.set()
    time.sleep(0.2)
    return n


executor = ThreadPoolExecutor(max_workers=1)  # one worker: job 0 runs, the others queue up
futures = [executor.submit(job, n) for n in range(5)]
started.wait()  # job 0 is running now
print("cancel running job 0:", futures[0].cancel())
print("cancel pending job 1:", futures[1].cancel())
try:
    futures[1].result()
except CancelledError:
    print("job 1 result() raised CancelledError")

start = time.perf_counter()
executor.shutdown(wait=True, cancel_futures=True)  # Python 3.9+: drop every call not yet started
print(f"shutdown took {time.perf_counter() - start:.1f} s (only job 0 had to finish)")
print("states:", ["cancelled" if f.cancelled() else f.result() for f in futures])

try:
    executor.submit(job, 5)
except RuntimeError as exc:
    print("submit after shutdown:", exc)

# Output (timings vary):
#> cancel running job 0: False
#> cancel pending job 1: True
#> job 1 result() raised CancelledError
#> shutdown took {float<0.4} s (only job 0 had to finish)
#> states: [0, 'cancelled', 'cancelled', 'cancelled', 'cancelled']
#> submit after shutdown: cannot schedule new futures after shutdown
