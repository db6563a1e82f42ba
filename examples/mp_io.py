"""The I/O-bound workload with processes: it works, but threads do the same for far less."""

import multiprocessing
import time
from multiprocessing.pool import ThreadPool

from workloads import LATENCY, fetch, latency_server

REQUESTS = 20
WAIT = 60  # seconds: Pool.map() would wait forever for a task whose worker died


def timed_map(pool, urls: list[str]) -> float:
    start = time.perf_counter()
    bodies = pool.map_async(fetch, urls, chunksize=1).get(timeout=WAIT)
    assert bodies == [f"ok /item/{i}".encode() for i in range(REQUESTS)]
    return time.perf_counter() - start


def main() -> None:
    # Create the process pool first, before any thread exists (see "fork after threads").
    # Leaving each `with` block ends its pool: terminate() stops the workers.
    start = time.perf_counter()
    with multiprocessing.Pool(processes=REQUESTS) as processes:
        processes.map_async(time.sleep, [0.01] * REQUESTS, chunksize=1).get(timeout=WAIT)
        process_startup = time.perf_counter() - start

        start = time.perf_counter()
        with ThreadPool(processes=REQUESTS) as threads:  # the same Pool API, backed by threads
            threads.map_async(time.sleep, [0.01] * REQUESTS, chunksize=1).get(timeout=WAIT)
            thread_startup = time.perf_counter() - start

            with latency_server() as url:
                urls = [f"{url}/item/{i}" for i in range(REQUESTS)]
                start = time.perf_counter()
                for u in urls:
                    fetch(u)
                sequential = time.perf_counter() - start
                cold = timed_map(processes, urls)  # each worker's first request: imports, caches...
                warm = timed_map(processes, urls)
                with_threads = timed_map(threads, urls)

    print(f"{REQUESTS} requests, {LATENCY} s each")
    print(f"sequential:              {sequential:.2f} s")
    print(f"{REQUESTS} processes, 1st batch: {cold:.2f} s")
    print(f"{REQUESTS} processes, 2nd batch: {warm:.2f} s")
    print(f"{REQUESTS} threads:              {with_threads:.2f} s")
    print(
        f"starting the workers: processes {process_startup:.2f} s, threads {thread_startup:.2f} s"
    )


if __name__ == "__main__":
    main()

# Output (timings vary):
# example: processes timing
#> 20 requests, 0.1 s each
#> sequential:              {float>=2.0} s
#> 20 processes, 1st batch: {float} s
#> 20 processes, 2nd batch: {float<1.0} s
#> 20 threads:              {float<1.0} s
#> starting the workers: processes {float} s, threads {float} s
