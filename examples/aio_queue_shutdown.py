"""Python 3.13+: Queue.shutdown() ends a worker pool without cancelling anything."""

import asyncio

from workloads import fetch_async, latency_server


async def worker(queue: asyncio.Queue, bodies: list[bytes]) -> None:
    while True:
        try:
            url = await queue.get()
        except asyncio.QueueShutDown:  # shut down and empty: no more work will come
            return
        try:
            bodies.append(await fetch_async(url))
        finally:
            queue.task_done()


async def main(base_url: str) -> None:
    queue: asyncio.Queue[str] = asyncio.Queue(maxsize=5)
    bodies: list[bytes] = []
    async with asyncio.TaskGroup() as tg:
        workers = [tg.create_task(worker(queue, bodies)) for _ in range(5)]
        for i in range(20):
            await queue.put(f"{base_url}/job/{i}")
        queue.shutdown()  # put() now raises QueueShutDown; get() too, once the queue is empty
    print(f"{len(bodies)} jobs done; workers returned normally: {all(t.done() for t in workers)}")
    print(f"cancelled: {sum(t.cancelled() for t in workers)}")
    try:
        await queue.put("one more")
    except asyncio.QueueShutDown:
        print("put() after shutdown(): QueueShutDown")


with latency_server() as base_url:
    asyncio.run(main(base_url))

# example: python>=3.13 browser=stand-in
# Output:
#> 20 jobs done; workers returned normally: True
#> cancelled: 0
#> put() after shutdown(): QueueShutDown
