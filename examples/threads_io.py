"""I/O-bound work on threads: 50 requests to a server that takes 0.1 s to answer each one."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from workloads import LATENCY, fetch, latency_server

N_REQUESTS = 50
N_SEQUENTIAL = 5  # a small sequential sample is enough to know the per-request cost

with latency_server() as base_url:
    urls = [f"{base_url}/item/{i}" for i in range(N_REQUESTS)]

    start = time.perf_counter()
    for url in urls[:N_SEQUENTIAL]:
        fetch(url)
    per_request = (time.perf_counter() - start) / N_SEQUENTIAL

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=N_REQUESTS) as pool:
        bodies = list(pool.map(fetch, urls))  # each thread blocks in a socket read, GIL released
    threaded = time.perf_counter() - start

print(f"{len(bodies)} answers, first {bodies[0]!r}, last {bodies[-1]!r}")
print(f"sequential: {per_request:.3f} s per request (LATENCY = {LATENCY})")
print(f"sequential, extrapolated to {N_REQUESTS}: {per_request * N_REQUESTS:.1f} s")
print(f"{N_REQUESTS} threads: {threaded:.2f} s")
print(f"speed-up: {per_request * N_REQUESTS / threaded:.0f}x")
print("threads left:", [t.name for t in threading.enumerate()])

# example: timing
# Output (timings vary):
#> 50 answers, first b'ok /item/0', last b'ok /item/49'
#> sequential: {float>=0.1<0.5} s per request (LATENCY = 0.1)
#> sequential, extrapolated to 50: {float>=5.0} s
#> 50 threads: {float<1.0} s
#> speed-up: {int>=5}x
#> threads left: ['MainThread']
