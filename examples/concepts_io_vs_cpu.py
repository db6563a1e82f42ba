"""The one measurement that explains the GIL: threads speed up waiting, not computing.

Both workloads run three ways: one after another, on a pool of threads, on a pool of processes.
Speedups are ratios against the sequential run, measured side by side in this run.
"""

import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from workloads import CPU_TASKS, count_primes, fetch, latency_server

REQUESTS = 16


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    workers = os.cpu_count() or 1
    with latency_server() as url:
        urls = [f"{url}/{i}" for i in range(REQUESTS)]
        io = {
            "sequential": timed(lambda: [fetch(u) for u in urls]),
            "threads": timed(lambda: list(ThreadPoolExecutor(REQUESTS).map(fetch, urls))),
        }
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(time.sleep, [0.1] * workers))  # start every worker before timing
        cpu = {
            "sequential": timed(lambda: [count_primes(n) for n in CPU_TASKS]),
            "threads": timed(
                lambda: list(ThreadPoolExecutor(workers).map(count_primes, CPU_TASKS))
            ),
            "processes": timed(lambda: list(pool.map(count_primes, CPU_TASKS))),
        }
    print(f"I/O-bound, {REQUESTS} requests of 0.1 s each:")
    for name, seconds in io.items():
        print(f"  {name:<10} {seconds:5.2f} s  speedup {io['sequential'] / seconds:4.1f}x")
    print(f"CPU-bound, {len(CPU_TASKS)} prime counts, {workers} workers:")
    for name, seconds in cpu.items():
        print(f"  {name:<10} {seconds:5.2f} s  speedup {cpu['sequential'] / seconds:4.1f}x")


if __name__ == "__main__":
    main()

# example: processes timing
# Output (your numbers will differ; the tests check these bounds on a 2-core machine):
#> I/O-bound, 16 requests of 0.1 s each:
#>   sequential {float>=1.6} s  speedup {float}x
#>   threads    {float<0.8} s  speedup {float>3}x
#> CPU-bound, 8 prime counts, {int>=2} workers:
#>   sequential {float} s  speedup {float}x
#>   threads    {float} s  speedup {float<1.5}x
#>   processes  {float} s  speedup {float>1.3}x
# Output on free-threaded builds (3.14t, 3.15t; GIL disabled, so threads speed up computing too, like processes):
#> I/O-bound, 16 requests of 0.1 s each:
#>   sequential {float>=1.6} s  speedup {float}x
#>   threads    {float<0.8} s  speedup {float>3}x
#> CPU-bound, 8 prime counts, {int>=2} workers:
#>   sequential {float} s  speedup {float}x
#>   threads    {float} s  speedup {float>1.3}x
#>   processes  {float} s  speedup {float>1.3}x
