"""The smallest useful executor: submit one call, map many, get the results back."""

import time
from concurrent.futures import ThreadPoolExecutor

from workloads import fetch, latency_server

with latency_server() as url, ThreadPoolExecutor(max_workers=8) as executor:
    future = executor.submit(fetch, f"{url}/one")  # returns at once: a Future
    print(future.result())  # blocks until the call is done, then returns its value

    start = time.perf_counter()
    bodies = list(executor.map(fetch, [f"{url}/page/{i}" for i in range(8)]))
    elapsed = time.perf_counter() - start
    print(bodies[0], bodies[-1])
    print(f"8 requests of 0.1 s each took {elapsed:.2f} s")
# Leaving the `with` block shut the executor down (its threads are joined), then the server.

# Output (timings vary):
#> b'ok /one'
#> b'ok /page/0' b'ok /page/7'
#> 8 requests of 0.1 s each took {float<0.6} s
