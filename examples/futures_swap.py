"""One function, two executors, two workloads: the executor class is the only thing that changes."""

import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

from workloads import CPU_TASKS, LATENCY, count_primes, fetch, latency_server


def run_all(executor_cls: type[Executor], fn, items) -> float:
    """Run fn over items on a fresh executor (default max_workers); return the seconds taken."""
    start = time.perf_counter()
    with executor_cls() as executor:
        results = list(executor.map(fn, items))
    assert len(results) == len(items)
    return time.perf_counter() - start


def main() -> None:
    with latency_server() as url:
        urls = [f"{url}/item/{i}" for i in range(24)]
        print(f"I/O-bound: {len(urls)} requests, {LATENCY} s each")
        io_threads = run_all(ThreadPoolExecutor, fetch, urls)
        io_processes = run_all(ProcessPoolExecutor, fetch, urls)
    print(f"  ThreadPoolExecutor:  {io_threads:.2f} s")
    print(f"  ProcessPoolExecutor: {io_processes:.2f} s")
    print(f"  processes took {io_processes / io_threads:.1f}x as long as threads")

    print(f"CPU-bound: count_primes over {len(CPU_TASKS)} tasks")
    start = time.perf_counter()
    for limit in CPU_TASKS:
        count_primes(limit)
    sequential = time.perf_counter() - start
    cpu_threads = run_all(ThreadPoolExecutor, count_primes, CPU_TASKS)
    cpu_processes = run_all(ProcessPoolExecutor, count_primes, CPU_TASKS)
    print(f"  sequential:          {sequential:.2f} s")
    print(f"  ThreadPoolExecutor:  {cpu_threads:.2f} s, speedup {sequential / cpu_threads:.2f}x")
    print(
        f"  ProcessPoolExecutor: {cpu_processes:.2f} s, speedup {sequential / cpu_processes:.2f}x"
    )


if __name__ == "__main__":
    main()

# Output on a 2-core machine (timings vary):
# example: processes timing
#> I/O-bound: 24 requests, 0.1 s each
#>   ThreadPoolExecutor:  {float<1.2} s
#>   ProcessPoolExecutor: {float} s
#>   processes took {float>1.3}x as long as threads
#> CPU-bound: count_primes over 8 tasks
#>   sequential:          {float} s
#>   ThreadPoolExecutor:  {float} s, speedup {float<1.3}x
#>   ProcessPoolExecutor: {float} s, speedup {float>1.3}x
