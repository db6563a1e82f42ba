"""What asyncio costs: a loop, a waiting task's memory, a task next to a thread, 10,000 sleeps."""

import asyncio
import threading
import time
import tracemalloc

N = 10_000
THREADS = 200


async def wait_for(event: asyncio.Event) -> None:
    await event.wait()


async def nothing() -> None:
    pass


def thread_per_task() -> float:
    """Seconds to start, run and join one thread that does nothing, for comparison."""
    start = time.perf_counter()
    for _ in range(THREADS):
        thread = threading.Thread(target=int)
        thread.start()
        thread.join(timeout=10)
        if thread.is_alive():
            raise TimeoutError("a trivial thread did not finish within 10 s")
    return (time.perf_counter() - start) / THREADS


async def main() -> float:
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
    per_task = (time.perf_counter() - start) / N
    print(f"create, run and collect one task: {per_task * 1e6:.0f} µs")

    start = time.perf_counter()
    await asyncio.gather(*(asyncio.sleep(0.5) for _ in range(N)))
    print(f"{N:,} concurrent sleeps of 0.5 s: {time.perf_counter() - start:.2f} s")
    return per_task


# debug=False: measure asyncio as it runs in production, even under `python -X dev`, whose
# debug mode records a traceback for every task and callback (and makes each ~50x dearer).
start = time.perf_counter()
for _ in range(100):
    asyncio.run(nothing(), debug=False)  # a new event loop each time: create, run one task, close
print(f"start, run and close an event loop: {(time.perf_counter() - start) / 100 * 1e3:.2f} ms")
per_task = asyncio.run(main(), debug=False)
per_thread = thread_per_task()
print(
    f"start, run and join one thread: {per_thread * 1e6:.0f} µs, {per_thread / per_task:.1f}x a task"
)

# example: timing
# Output (numbers vary):
#> start, run and close an event loop: {float<0.5} ms
#> memory per waiting task: {float<=2} KiB
#> create, run and collect one task: {int<20} µs
#> 10,000 concurrent sleeps of 0.5 s: {float<1.0} s
#> start, run and join one thread: {int} µs, {float>=5}x a task
