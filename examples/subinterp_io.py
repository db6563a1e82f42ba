"""The I/O-bound workload on a pool of interpreters: waits overlap, as with threads.

Each worker interpreter imports its own copy of http.client and the workloads module; a request
blocks only its own thread, so ten workers keep ten requests in flight.
"""

import os
import site
import time
from concurrent.futures import ThreadPoolExecutor

try:
    from concurrent.futures import InterpreterPoolExecutor  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport.concurrent.futures import InterpreterPoolExecutor

from workloads import LATENCY, fetch, latency_server

HERE = os.path.dirname(os.path.abspath(__file__))
WORKERS, REQUESTS = 10, 40


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


with latency_server() as url:
    urls = [f"{url}/{i}" for i in range(REQUESTS)]
    pool = InterpreterPoolExecutor(WORKERS, initializer=site.addsitedir, initargs=(HERE,))
    with pool:
        # The first round starts the worker interpreters: that start-up is measured apart.
        warm_up = timed(lambda: list(pool.map(fetch, urls[:WORKERS])))
        bodies = []
        interp_time = timed(lambda: bodies.extend(pool.map(fetch, urls)))
    with ThreadPoolExecutor(WORKERS) as threads:
        list(threads.map(fetch, urls[:WORKERS]))
        thread_time = timed(lambda: list(threads.map(fetch, urls)))

print(
    f"{REQUESTS} requests of {LATENCY} s, {WORKERS} workers, ideal {REQUESTS / WORKERS * LATENCY:.1f} s"
)
print(f"bodies in order: {bodies == [f'ok /{i}'.encode() for i in range(REQUESTS)]}")
print(f"start {WORKERS} interpreters + first {WORKERS} requests: {warm_up:.2f} s")
print(f"interpreter pool: {interp_time:.2f} s")
print(f"thread pool:      {thread_time:.2f} s")

# example: python>=3.13 timing
# Output (timings vary; one after another the requests would take 4 s):
#> 40 requests of 0.1 s, 10 workers, ideal 0.4 s
#> bodies in order: True
#> start 10 interpreters + first 10 requests: {float} s
#> interpreter pool: {float<2.0} s
#> thread pool:      {float<2.0} s
