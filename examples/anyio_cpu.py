"""The CPU-bound workload with anyio: worker threads give no speed-up, worker processes do."""

import logging
import time

import anyio
import anyio.to_process
import anyio.to_thread

from workloads import CPU_TASKS, count_primes


class DoubleReapWarning(logging.Filter):
    """Drops one known, harmless asyncio warning of CPython 3.11 and 3.12.

    When anyio.run() ends, anyio kills each idle worker process twice; the second kill() reads
    the exit status of the dead worker, so asyncio's child watcher no longer finds it and logs
    one of these two lines. No result is lost. CPython 3.13 no longer logs it.
    """

    TEMPLATES = (
        "Unknown child process pid %d, will report returncode 255",  # 3.11
        "child process pid %d exit status already read:  will report returncode 255",  # 3.12
    )

    def filter(self, record: logging.LogRecord) -> bool:
        return record.msg not in self.TEMPLATES


async def run_all(run_sync) -> tuple[int, float]:
    counts: list[int] = []

    async def one(limit: int) -> None:
        counts.append(await run_sync(count_primes, limit))

    start = time.perf_counter()
    async with anyio.create_task_group() as tg:
        for limit in CPU_TASKS:
            tg.start_soon(one, limit)
    return sum(counts), time.perf_counter() - start


async def main(sequential: float) -> None:
    # Worker processes start on first use (one per core by default) and are then reused:
    # start them before timing, as a long-running program would have done long before.
    async with anyio.create_task_group() as tg:
        for _ in range(anyio.to_process.current_default_process_limiter().total_tokens):
            tg.start_soon(anyio.to_process.run_sync, count_primes, 10)

    total, threads = await run_all(anyio.to_thread.run_sync)
    print(f"  to_thread.run_sync:  {total} primes, {sequential / threads:.1f}x")
    total, processes = await run_all(anyio.to_process.run_sync)
    print(f"  to_process.run_sync: {total} primes, {sequential / processes:.1f}x")


if __name__ == "__main__":  # workers run this file too (as __mp_main__), like multiprocessing
    logging.getLogger("asyncio").addFilter(DoubleReapWarning())
    # python -X dev turns on asyncio's debug mode, which logs every step of the loop that takes
    # over 0.1 s: next to eight CPU-bound threads, many do. A timed run goes without debug mode.
    options = {"asyncio": {"debug": False}, "trio": {}}
    for backend in ("asyncio", "trio"):
        print(f"backend={backend}:")
        start = time.perf_counter()
        total = sum(count_primes(limit) for limit in CPU_TASKS)  # the baseline, outside any loop
        sequential = time.perf_counter() - start
        print(f"  sequential:          {total} primes in {sequential:.2f} s")
        anyio.run(main, sequential, backend=backend, backend_options=options[backend])

# anyio starts its workers with subprocess, not multiprocessing: start methods do not apply.
# example: timing needs=trio
# Output (timings vary; speed-ups over the sequential run, on >= 2 cores):
#> backend=asyncio:
#>   sequential:          90408 primes in {float} s
#>   to_thread.run_sync:  90408 primes, {float<1.3}x
#>   to_process.run_sync: 90408 primes, {float>1.3}x
#> backend=trio:
#>   sequential:          90408 primes in {float} s
#>   to_thread.run_sync:  90408 primes, {float<1.3}x
#>   to_process.run_sync: 90408 primes, {float>1.3}x
# Output on free-threaded builds (3.14t, 3.15t; GIL disabled, so worker threads speed up computing too):
#> backend=asyncio:
#>   sequential:          90408 primes in {float} s
#>   to_thread.run_sync:  90408 primes, {float>1.3}x
#>   to_process.run_sync: 90408 primes, {float>1.3}x
#> backend=trio:
#>   sequential:          90408 primes in {float} s
#>   to_thread.run_sync:  90408 primes, {float>1.3}x
#>   to_process.run_sync: 90408 primes, {float>1.3}x
