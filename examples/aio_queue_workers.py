"""A fixed pool of worker tasks fed by an asyncio.Queue; shut down with join(), then cancel()."""

import asyncio
import collections
import time

from workloads import fetch_async, latency_server

N_WORKERS = 5
N_JOBS = 20


async def worker(name: str, queue: asyncio.Queue, done_by: collections.Counter) -> None:
    while True:
        url = await queue.get()  # a cancelled worker stops here, between jobs
        try:
            await fetch_async(url)
            done_by[name] += 1
        finally:
            queue.task_done()  # always, or queue.join() waits forever


async def main(base_url: str) -> None:
    queue: asyncio.Queue[str] = asyncio.Queue(maxsize=N_WORKERS)  # put() waits when it is full
    done_by: collections.Counter = collections.Counter()
    start = time.perf_counter()
    async with (
        asyncio.TaskGroup() as tg
    ):  # if a worker crashes, the others and join() are cancelled
        workers = [tg.create_task(worker(f"w{i}", queue, done_by)) for i in range(N_WORKERS)]
        for i in range(N_JOBS):
            await queue.put(f"{base_url}/job/{i}")
        await queue.join()  # every job taken and marked done
        for task in workers:
            task.cancel()  # they wait in queue.get(): stop them; the TaskGroup waits for them
    elapsed = time.perf_counter() - start
    print(
        f"{N_JOBS} jobs by {N_WORKERS} workers: {elapsed:.2f} s (about {N_JOBS // N_WORKERS} x 0.1 s)"
    )
    print(f"jobs done: {done_by.total()}, by {len(done_by)} workers")
    print(f"workers cancelled: {sum(task.cancelled() for task in workers)}")


with latency_server() as base_url:
    asyncio.run(main(base_url))

# example: timing browser=stand-in
# Output (timings vary):
#> 20 jobs by 5 workers: {float>=0.35<3.0} s (about 4 x 0.1 s)
#> jobs done: 20, by 5 workers
#> workers cancelled: 5
