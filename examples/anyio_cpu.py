"""The CPU-bound workload with anyio: worker threads give no speed-up, worker processes do."""

import logging
import time

import anyio
import anyio.to_process
import anyio.to_thread

from workloads import CPU_TASKS, count_primes

# On CPython 3.12, asyncio may log "child process pid N exit status already read" when anyio
# stops its idle workers at the end of a run (two parts of the program reap the same process);
# nothing is lost. Drop that one message so that the output stays clean.
logging.getLogger("asyncio").addFilter(lambda record: "already read" not in record.getMessage())


async def run_all(run_sync) -> tuple[int, float]:
    counts: list[int] = []

    async def one(limit: int) -> None:
        counts.append(await run_sync(count_primes, limit))

    start = time.perf_counter()
    async with anyio.create_task_group() as tg:
        for limit in CPU_TASKS:
            tg.start_soon(one, limit)
    return sum(counts), time.perf_counter() - start


async def main() -> None:
    # Worker processes start on first use (one per core by default) and are then reused:
    # start them before timing, as a long-running program would have done long before.
    async with anyio.create_task_group() as tg:
        for _ in range(anyio.to_process.current_default_process_limiter().total_tokens):
            tg.start_soon(anyio.to_process.run_sync, count_primes, 10)

    start = time.perf_counter()
    total = sum(count_primes(limit) for limit in CPU_TASKS)  # blocks the event loop: a baseline
    sequential = time.perf_counter() - start
    print(f"  sequential:          {total} primes in {sequential:.2f} s")
    total, threads = await run_all(anyio.to_thread.run_sync)
    print(f"  to_thread.run_sync:  {total} primes, {sequential / threads:.1f}x")
    total, processes = await run_all(anyio.to_process.run_sync)
    print(f"  to_process.run_sync: {total} primes, {sequential / processes:.1f}x")


if __name__ == "__main__":  # workers run this file too (as __mp_main__), like multiprocessing
    for backend in ("asyncio", "trio"):
        print(f"backend={backend}:")
        anyio.run(main, backend=backend)

# anyio starts its workers with subprocess, not multiprocessing: start methods do not apply.
# example: timing
# Output (timings vary; speed-ups over the sequential run, on >= 2 cores):
#> backend=asyncio:
#>   sequential:          90408 primes in {float} s
#>   to_thread.run_sync:  90408 primes, {float<1.3}x
#>   to_process.run_sync: 90408 primes, {float>1.3}x
#> backend=trio:
#>   sequential:          90408 primes in {float} s
#>   to_thread.run_sync:  90408 primes, {float<1.3}x
#>   to_process.run_sync: 90408 primes, {float>1.3}x
