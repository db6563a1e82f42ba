"""The CPU-bound workload (count_primes over CPU_TASKS): one process vs a pool of processes."""

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

from workloads import CPU_TASKS, count_primes

WORKERS = 2  # this site's test machine has 2 cores; os.process_cpu_count() is 3.13+
ROUNDS = 3  # each approach runs 3 times, interleaved; the fastest run counts


def timed(function) -> tuple[float, list[int]]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main() -> None:
    start = time.perf_counter()
    with (
        ProcessPoolExecutor(max_workers=WORKERS) as executor,
        multiprocessing.Pool(processes=WORKERS) as pool,
    ):
        list(executor.map(time.sleep, [0.05] * WORKERS))  # start all workers before timing
        pool.map(time.sleep, [0.05] * WORKERS)
        startup = time.perf_counter() - start
        approaches = {
            "sequential": lambda: [count_primes(n) for n in CPU_TASKS],
            f"ProcessPoolExecutor({WORKERS})": lambda: list(executor.map(count_primes, CPU_TASKS)),
            f"Pool({WORKERS})": lambda: pool.map(count_primes, CPU_TASKS),
        }
        best = dict.fromkeys(approaches, float("inf"))
        for _ in range(ROUNDS):
            for name, function in approaches.items():
                elapsed, result = timed(function)
                assert result == [count_primes(CPU_TASKS[0])] * len(CPU_TASKS)
                best[name] = min(best[name], elapsed)

    print(f"{len(CPU_TASKS)} tasks of count_primes({CPU_TASKS[0]:,})")
    for name, elapsed in best.items():
        print(f"{name:<23} {elapsed:.2f} s, speed-up x{best['sequential'] / elapsed:.2f}")
    print(f"starting both pools took {startup:.2f} s (not included above)")


if __name__ == "__main__":
    main()

# Output (timings vary; a speed-up needs 2 free cores):
# example: processes timing
#> 8 tasks of count_primes(120,000)
#> sequential              {float} s, speed-up x1.00
#> ProcessPoolExecutor(2)  {float} s, speed-up x{float>1.3}
#> Pool(2)                 {float} s, speed-up x{float>1.3}
#> starting both pools took {float} s (not included above)
