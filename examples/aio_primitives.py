"""asyncio's Event, Semaphore, Barrier and Condition in one small program.

Four workers wait for a start Event, run at most two at a time under a Semaphore, meet at a
Barrier (3.11+), and the main task waits on a Condition until all four results are in.
"""

import asyncio
import dataclasses

WORKERS = 4


@dataclasses.dataclass
class Shared:
    start: asyncio.Event = dataclasses.field(default_factory=asyncio.Event)
    limit: asyncio.Semaphore = dataclasses.field(default_factory=lambda: asyncio.Semaphore(2))
    barrier: asyncio.Barrier = dataclasses.field(default_factory=lambda: asyncio.Barrier(WORKERS))
    changed: asyncio.Condition = dataclasses.field(default_factory=asyncio.Condition)
    results: list[int] = dataclasses.field(default_factory=list)
    inside: int = 0
    peak: int = 0


async def worker(n: int, shared: Shared) -> None:
    await shared.start.wait()  # Event: nobody starts before the signal
    async with shared.limit:  # Semaphore: at most 2 inside at once
        shared.inside += 1
        shared.peak = max(shared.peak, shared.inside)
        await asyncio.sleep(0.05)
        shared.inside -= 1
    arrival = await shared.barrier.wait()  # Barrier: wait until all 4 got here
    if arrival == 0:
        print(f"barrier: all {WORKERS} workers arrived; only then did they go on")
    async with shared.changed:  # Condition: change the shared state, then notify the waiters
        shared.results.append(n * n)
        shared.changed.notify_all()


async def main() -> None:
    shared = Shared()
    async with asyncio.timeout(5), asyncio.TaskGroup() as tg:
        for n in range(WORKERS):
            tg.create_task(worker(n, shared))
        await asyncio.sleep(0.05)
        print(f"event: {WORKERS} workers waiting; set()")
        shared.start.set()
        async with shared.changed:
            await shared.changed.wait_for(lambda: len(shared.results) == WORKERS)
        print(f"condition: main woke up with {sorted(shared.results)}")
    print(f"semaphore: at most {shared.peak} workers ran at once")


asyncio.run(main())

# example: browser
# Output:
#> event: 4 workers waiting; set()
#> barrier: all 4 workers arrived; only then did they go on
#> condition: main woke up with [0, 1, 4, 9]
#> semaphore: at most 2 workers ran at once
