"""The I/O-bound workload with joblib: waiting needs threads, not processes (prefer="threads")."""

import time

from joblib import Parallel, delayed

from workloads import fetch, latency_server

REQUESTS = 32

if __name__ == "__main__":
    with latency_server() as url:
        urls = [f"{url}/item/{i}" for i in range(REQUESTS)]

        start = time.perf_counter()
        bodies = [fetch(u) for u in urls]
        sequential = time.perf_counter() - start

        start = time.perf_counter()
        # prefer="threads" is a hint: it picks the threading backend unless the caller chose one
        # with joblib.parallel_config(). n_jobs can exceed the core count: the threads mostly wait.
        threaded = Parallel(n_jobs=16, prefer="threads")(delayed(fetch)(u) for u in urls)
        threads = time.perf_counter() - start

    print(threaded == bodies, threaded[0], threaded[-1])
    print(
        f"{REQUESTS} requests of 0.1 s: sequential {sequential:.2f} s, 16 threads {threads:.2f} s"
    )

# Output (your numbers will differ):
#> True b'ok /item/0' b'ok /item/31'
#> 32 requests of 0.1 s: sequential {float>=3.2} s, 16 threads {float<1.2} s
