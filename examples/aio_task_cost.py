"""What asyncio costs: an event loop, a waiting task's memory, a task's overhead, 10,000 tasks."""

import asyncio
import time
import tracemalloc

N = 10_000


async def wait_for(event: asyncio.Event) -> None:
    await event.wait()


async def nothing() -> None:
    pass


async def main() -> None:
    event = asyncio.Event()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    tasks = [asyncio.create_task(wait_for(event)) for _ in range(N)]
    await asyncio.sleep(0)  # every task has started and is now suspended in event.wait()
    per_task = (tracemalloc.get_traced_memory()[0] - before) / N
    tracemalloc.stop()
    event.set()
    await asyncio.gather(*tasks)
    print(f"memory per waiting task: {per_task / 1024:.1f} KiB")

    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        for _ in range(N):
            tg.create_task(nothing())
    print(f"create, run and collect one task: {(time.perf_counter() - start) / N * 1e6:.0f} µs")

    start = time.perf_counter()
    await asyncio.gather(*(asyncio.sleep(0.5) for _ in range(N)))
    print(f"{N:,} concurrent sleeps of 0.5 s: {time.perf_counter() - start:.2f} s")


# debug=False: measure asyncio as it runs in production, even under `python -X dev`, whose
# debug mode records a traceback for every task and callback (and makes each ~50x dearer).
start = time.perf_counter()
for _ in range(100):
    asyncio.run(nothing(), debug=False)  # a new event loop each time: create, run one task, close
print(f"start, run and close an event loop: {(time.perf_counter() - start) / 100 * 1e3:.2f} ms")
asyncio.run(main(), debug=False)

# example: timing
# Output (numbers vary):
#> start, run and close an event loop: {float<20} ms
#> memory per waiting task: {float>=0.2<20} KiB
#> create, run and collect one task: {int<500} µs
#> 10,000 concurrent sleeps of 0.5 s: {float<3.0} s
