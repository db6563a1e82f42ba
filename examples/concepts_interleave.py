"""Concurrency without parallelism: two tasks take turns on one thread.

Each task gives up control at every `await`; the event loop then runs the other one.
Nothing ever runs at the same instant, yet both jobs make progress during the same period.
"""

import asyncio
import threading


async def job(name: str, steps: int) -> None:
    for step in range(1, steps + 1):
        print(f"{name} step {step} on thread {threading.current_thread().name}")
        await asyncio.sleep(0)  # a yield point: let the other task run


async def main() -> None:
    await asyncio.gather(job("A", 3), job("B", 3))


asyncio.run(main())

# example: browser
# Output:
#> A step 1 on thread MainThread
#> B step 1 on thread MainThread
#> A step 2 on thread MainThread
#> B step 2 on thread MainThread
#> A step 3 on thread MainThread
#> B step 3 on thread MainThread
