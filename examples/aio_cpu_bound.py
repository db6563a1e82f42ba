"""The CPU-bound workload from async code: coroutines alone give no speed-up; a process pool does."""

import asyncio
import functools
import os
import time
from concurrent.futures import ProcessPoolExecutor

from workloads import CPU_TASKS, count_primes


async def count_primes_async(limit: int) -> int:
    return count_primes(limit)  # no await inside: it runs to the end and holds the event loop


async def on_the_loop() -> list[int]:
    return await asyncio.gather(*(count_primes_async(limit) for limit in CPU_TASKS))


async def in_a_process_pool(pool: ProcessPoolExecutor) -> list[int]:
    loop = asyncio.get_running_loop()
    futures = [loop.run_in_executor(pool, count_primes, limit) for limit in CPU_TASKS]
    return await asyncio.gather(*futures)


async def measure(work) -> tuple[list[int], float, float]:
    """Run `work()` next to a heartbeat task that should wake every 10 ms; return the longest gap."""
    loop = asyncio.get_running_loop()
    gaps = []

    async def heartbeat() -> None:
        last = loop.time()
        while True:
            await asyncio.sleep(0.01)
            gaps.append(loop.time() - last)
            last = loop.time()

    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)  # the heartbeat is running
    start = time.perf_counter()
    results = await work()
    elapsed = time.perf_counter() - start
    await asyncio.sleep(0.05)  # let the heartbeat record the last gap
    beat.cancel()
    return results, elapsed, max(gaps)


def main() -> None:
    timings: dict[str, list[float]] = {"sequential": [], "on the loop": [], "process pool": []}
    stalls: dict[str, float] = {"on the loop": 0.0, "process pool": 0.0}
    expected = None
    # One pool for the whole program, its workers started before any timing; the with block
    # waits for them to exit at the end.
    with ProcessPoolExecutor() as pool:
        list(pool.map(time.sleep, [0.1] * (os.cpu_count() or 1)))
        # Each variant runs twice, in the order A B C A B C, and keeps its best time.
        for name in ["sequential", "on the loop", "process pool"] * 2:
            if name == "sequential":
                start = time.perf_counter()
                results = [count_primes(limit) for limit in CPU_TASKS]
                timings[name].append(time.perf_counter() - start)
            else:
                work = (
                    on_the_loop
                    if name == "on the loop"
                    else functools.partial(in_a_process_pool, pool)
                )
                results, elapsed, stall = asyncio.run(measure(work))
                timings[name].append(elapsed)
                stalls[name] = max(stalls[name], stall)
            assert results == (expected := expected or results)

    sequential = min(timings["sequential"])
    print(f"{len(CPU_TASKS)} tasks, {sum(expected)} primes in all")
    print(f"sequential:           {sequential:.2f} s")
    for name in ["on the loop", "process pool"]:
        best = min(timings[name])
        print(
            f"{name + ':':<21} {best:.2f} s, speed-up {sequential / best:.2f}x,"
            f" longest event-loop stall {stalls[name]:.2f} s"
        )


if __name__ == "__main__":
    main()

# example: processes timing blocks-loop
# Output (timings vary):
#> 8 tasks, 90408 primes in all
#> sequential:           {float} s
#> on the loop:          {float} s, speed-up {float<1.3}x, longest event-loop stall {float>0.5} s
#> process pool:         {float} s, speed-up {float>1.3}x, longest event-loop stall {float<0.5} s
