"""A timeout on result() stops the waiting, not the work: put the real deadline inside the task."""

import concurrent.futures
import time
from concurrent.futures import ThreadPoolExecutor

from workloads import fetch, latency_server

print(
    "concurrent.futures.TimeoutError is TimeoutError:",
    concurrent.futures.TimeoutError is TimeoutError,
)

with latency_server(latency=0.8) as url, ThreadPoolExecutor() as executor:
    start = time.perf_counter()
    future = executor.submit(fetch, f"{url}/slow")
    try:
        future.result(timeout=0.2)
    except TimeoutError:
        print(f"no result after {time.perf_counter() - start:.1f} s; running: {future.running()}")
        print("cancel() ->", future.cancel())  # too late: the call has started
    print(future.result(), f"arrived anyway after {time.perf_counter() - start:.1f} s")

    # The fix: give the blocking call itself a deadline; then the worker is freed too.
    start = time.perf_counter()
    future = executor.submit(fetch, f"{url}/slow", timeout=0.2)
    try:
        future.result()
    except TimeoutError as exc:
        print(f"fetch gave up by itself after {time.perf_counter() - start:.1f} s: {exc!r}")

# Output (timings vary):
#> concurrent.futures.TimeoutError is TimeoutError: True
#> no result after {float>=0.2<0.6} s; running: True
#> cancel() -> False
#> b'ok /slow' arrived anyway after {float>=0.8<1.5} s
#> fetch gave up by itself after {float>=0.2<0.6} s: TimeoutError('timed out')
