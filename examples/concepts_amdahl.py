"""Amdahl's law: the part of a program that stays serial caps its speedup.

If a fraction p of the run time can be spread over n workers, the best speedup is
1 / ((1 - p) + p / n). The table shows the bound; the measurement shows a real program
with a serial quarter getting close to the bound computed from its own measured serial part,
but not past it (beyond a few per cent of timing noise).
"""

import os
import time
from concurrent.futures import ProcessPoolExecutor

from workloads import CPU_LIMIT, count_primes


def amdahl(p: float, n: int) -> float:
    return 1 / ((1 - p) + p / n)


def program(pool: ProcessPoolExecutor | None) -> tuple[float, float]:
    """2 serial tasks, then 6 tasks that can run in parallel (p = 0.75 if all tasks took the
    same time). Returns the seconds of the serial part and of the whole program."""
    start = time.perf_counter()
    for _ in range(2):
        count_primes(CPU_LIMIT)
    serial = time.perf_counter() - start
    parallel = [CPU_LIMIT] * 6
    if pool is None:
        [count_primes(n) for n in parallel]
    else:
        list(pool.map(count_primes, parallel, timeout=120))
    return serial, time.perf_counter() - start


def main() -> None:
    print("best speedup with n workers when a fraction p is parallel:")
    counts = (2, 4, 8, 16, 1024)
    print(("   p    " + "".join(f"n={n:<6}" for n in counts)).rstrip())
    for p in (0.5, 0.75, 0.9, 0.95, 0.99):
        print((f"  {p:<5} " + "".join(f"{amdahl(p, n):<8.2f}" for n in counts)).rstrip())

    workers = min(2, os.cpu_count() or 1)
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(time.sleep, [0.1] * workers, timeout=60))  # start every worker first
        # Each variant twice, in the order S P P S, keeping its best time: load from other
        # programs can only slow a run down, and the symmetric order cancels a slow drift.
        runs = {variant: [] for variant in "SP"}
        for variant in "SPPS":
            runs[variant].append(program(pool if variant == "P" else None))
    serial, sequential = min(runs["S"], key=lambda run: run[1])
    parallel = min(total for _, total in runs["P"])
    p = 1 - serial / sequential  # the parallel fraction, measured in the best sequential run
    speedup, bound = sequential / parallel, amdahl(p, workers)
    print(f"measured on {workers} processes: p = {p:.2f}, speedup {speedup:.2f}x")
    print(f"Amdahl's bound for that p: {bound:.2f}x; measured / bound = {speedup / bound:.2f}")


if __name__ == "__main__":
    main()

# example: processes timing
# Output (the measured speedup varies; the bound does not):
#> best speedup with n workers when a fraction p is parallel:
#>    p    n=2     n=4     n=8     n=16    n=1024
#>   0.5   1.33    1.60    1.78    1.88    2.00
#>   0.75  1.60    2.29    2.91    3.37    3.99
#>   0.9   1.82    3.08    4.71    6.40    9.91
#>   0.95  1.90    3.48    5.93    9.14    19.64
#>   0.99  1.98    3.88    7.48    13.91   91.18
#> measured on 2 processes: p = {float}, speedup {float>1.15}x
#> Amdahl's bound for that p: {float}x; measured / bound = {float<=1.1}
