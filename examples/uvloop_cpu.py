"""The CPU-bound workload: uvloop does not make Python code faster; a process pool does."""

import asyncio
import time
from concurrent.futures import ProcessPoolExecutor

import uvloop

from workloads import CPU_TASKS, count_primes


async def in_the_loop() -> tuple[int, float]:
    start = time.perf_counter()
    total = sum(count_primes(n) for n in CPU_TASKS)  # blocks whichever loop runs it
    return total, time.perf_counter() - start


async def in_processes(pool: ProcessPoolExecutor) -> tuple[int, float]:
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    counts = await asyncio.gather(*(loop.run_in_executor(pool, count_primes, n) for n in CPU_TASKS))
    return sum(counts), time.perf_counter() - start


def main() -> None:
    inline = {}
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(count_primes, [10, 10]))  # start the workers before timing
        for name, factory in (
            ("asyncio", asyncio.new_event_loop),
            ("uvloop", uvloop.new_event_loop),
        ):
            with asyncio.Runner(loop_factory=factory) as runner:
                total, inline[name] = runner.run(in_the_loop())
                pool_total, pooled = runner.run(in_processes(pool))
            assert pool_total == total
            print(
                f"{name:8} {total} primes: in the loop {inline[name]:.2f} s,"
                f" in a process pool {pooled:.2f} s"
            )
    print(f"in the loop, asyncio time / uvloop time: {inline['asyncio'] / inline['uvloop']:.2f}")


if __name__ == "__main__":
    main()

# example: processes timing blocks-loop
# Output (timings vary; with 2 idle cores the pool takes about half the time):
#> asyncio  90408 primes: in the loop {float} s, in a process pool {float} s
#> uvloop   90408 primes: in the loop {float} s, in a process pool {float} s
#> in the loop, asyncio time / uvloop time: {float>0.5<2.0}
