"""One function, two executors, two workloads: the executor class is the only thing that changes."""

import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

from workloads import CPU_TASKS, LATENCY, count_primes, fetch, latency_server


def run_all(executor_cls: type[Executor], fn, items) -> tuple[float, float]:
    """Run fn over items on a fresh executor with the default number of workers.

    Returns (seconds to start the workers, seconds for the work itself).
    """
    start = time.perf_counter()
    with executor_cls() as executor:
        list(executor.map(abs, range(64)))  # trivial calls: make the pool start all its workers
        started = time.perf_counter()
        results = list(executor.map(fn, items))
        finished = time.perf_counter()
    assert len(results) == len(items)
    return started - start, finished - started


def run_sequentially(fn, items) -> float:
    start = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - start


def main() -> None:
    with latency_server() as url:
        urls = [f"{url}/item/{i}" for i in range(24)]
        print(f"I/O-bound: {len(urls)} requests, {LATENCY} s each")
        io = {cls: run_all(cls, fetch, urls) for cls in (ThreadPoolExecutor, ProcessPoolExecutor)}
    for cls, (startup, seconds) in io.items():
        print(f"  {cls.__name__ + ':':21}{seconds:.2f} s (+{startup:.2f} s to start the workers)")
    ratio = io[ProcessPoolExecutor][1] / io[ThreadPoolExecutor][1]
    print(f"  processes took {ratio:.1f}x as long as threads")

    print(f"CPU-bound: count_primes over {len(CPU_TASKS)} tasks (best of 2 rounds)")
    rounds = [
        (
            run_sequentially(count_primes, CPU_TASKS),
            run_all(ThreadPoolExecutor, count_primes, CPU_TASKS)[1],
            run_all(ProcessPoolExecutor, count_primes, CPU_TASKS)[1],
        )
        for _ in range(2)
    ]
    sequential, threads, processes = (min(times) for times in zip(*rounds, strict=True))
    print(f"  sequential:          {sequential:.2f} s")
    print(f"  ThreadPoolExecutor:  {threads:.2f} s, speedup {sequential / threads:.2f}x")
    print(f"  ProcessPoolExecutor: {processes:.2f} s, speedup {sequential / processes:.2f}x")


if __name__ == "__main__":
    main()

# Output on a 2-core machine (timings vary):
# example: processes timing
#> I/O-bound: 24 requests, 0.1 s each
#>   ThreadPoolExecutor:  {float<1.2} s (+{float} s to start the workers)
#>   ProcessPoolExecutor: {float} s (+{float} s to start the workers)
#>   processes took {float>1.3}x as long as threads
#> CPU-bound: count_primes over 8 tasks (best of 2 rounds)
#>   sequential:          {float} s
#>   ThreadPoolExecutor:  {float} s, speedup {float<1.3}x
#>   ProcessPoolExecutor: {float} s, speedup {float>1.3}x
# Output on free-threaded builds (3.14t, 3.15t; GIL disabled, so the thread pool speeds up computing too):
#> I/O-bound: 24 requests, 0.1 s each
#>   ThreadPoolExecutor:  {float<1.2} s (+{float} s to start the workers)
#>   ProcessPoolExecutor: {float} s (+{float} s to start the workers)
#>   processes took {float>1.3}x as long as threads
#> CPU-bound: count_primes over 8 tasks (best of 2 rounds)
#>   sequential:          {float} s
#>   ThreadPoolExecutor:  {float} s, speedup {float>1.3}x
#>   ProcessPoolExecutor: {float} s, speedup {float>1.3}x
