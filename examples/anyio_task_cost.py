"""What a task costs: 10,000 tasks waiting on one event, in trio, anyio and asyncio."""

import asyncio
import time
import tracemalloc

import anyio
import trio

N = 10_000


async def trio_tasks(measure) -> None:
    event = trio.Event()
    async with trio.open_nursery() as nursery:
        for _ in range(N):
            nursery.start_soon(event.wait)
        await trio.sleep(0)  # let every task start and block
        measure()
        event.set()


async def anyio_tasks(measure) -> None:
    event = anyio.Event()
    async with anyio.create_task_group() as tg:
        for _ in range(N):
            tg.start_soon(event.wait)
        await anyio.sleep(0)
        measure()
        event.set()


async def asyncio_tasks(measure) -> None:
    event = asyncio.Event()
    async with asyncio.TaskGroup() as tg:
        for _ in range(N):
            tg.create_task(event.wait())
        await asyncio.sleep(0)
        measure()
        event.set()


# debug=False: measure asyncio as it runs in production, even under `python -X dev`, whose
# debug mode records a traceback for every task and callback (and makes each ~50x dearer).
NO_DEBUG = {"debug": False}
RUNS = {
    "trio nursery": lambda measure: trio.run(trio_tasks, measure),
    "anyio on trio": lambda measure: anyio.run(anyio_tasks, measure, backend="trio"),
    "anyio on asyncio": lambda measure: anyio.run(
        anyio_tasks, measure, backend="asyncio", backend_options=NO_DEBUG
    ),
    "asyncio.TaskGroup": lambda measure: asyncio.run(asyncio_tasks(measure), **NO_DEBUG),
}


def memory_per_task(run) -> float:
    """KiB allocated per task, measured while all N tasks are waiting."""
    memory: list[int] = []
    tracemalloc.start()
    run(lambda: memory.append(tracemalloc.get_traced_memory()[0]))
    tracemalloc.stop()
    return memory[0] / N / 1024


ROUNDS = 3  # the four variants take turns, three times; each keeps its fastest round
kib = {}
for name, run in RUNS.items():
    run(lambda: None)  # warm up: imports, first loop
    kib[name] = memory_per_task(run)
seconds = dict.fromkeys(RUNS, float("inf"))
for _ in range(ROUNDS):
    for name, run in RUNS.items():
        start = time.perf_counter()
        run(lambda: None)  # start, block, wake and finish every task, without tracemalloc
        seconds[name] = min(seconds[name], time.perf_counter() - start)

print(f"per task, {N:,} tasks:")
for name in RUNS:
    print(f"  {name:18} {kib[name]:.1f} KiB, {seconds[name] / N * 1e6:.0f} us")
for anyio_run, native in [
    ("anyio on trio", "trio nursery"),
    ("anyio on asyncio", "asyncio.TaskGroup"),
]:
    print(
        f"{anyio_run} / {native}: {kib[anyio_run] / kib[native]:.1f}x memory, "
        f"{seconds[anyio_run] / seconds[native]:.1f}x time"
    )

# example: timing needs=trio
# Output (sizes depend on the version, timings on the machine):
#> per task, 10,000 tasks:
#>   trio nursery       {float<8} KiB, {float<100} us
#>   anyio on trio      {float<8} KiB, {float<100} us
#>   anyio on asyncio   {float<8} KiB, {float<100} us
#>   asyncio.TaskGroup  {float<8} KiB, {float<100} us
#> anyio on trio / trio nursery: {float}x memory, {float>=1.5}x time
#> anyio on asyncio / asyncio.TaskGroup: {float>=2}x memory, {float>=1.5}x time
