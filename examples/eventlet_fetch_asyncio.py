"""eventlet_fetch.py ported to asyncio: the same work, the same output, no monkey-patching."""

import asyncio
import time

from workloads import LATENCY, fetch_async, latency_server

REQUESTS, AT_A_TIME = 20, 5


async def get(url: str, deadline: float) -> str:
    try:
        async with asyncio.timeout(deadline):  # Python 3.11+; before: asyncio.wait_for()
            return (await fetch_async(url)).decode()
    except TimeoutError:
        return "timed out"


async def main(base: str) -> None:
    urls = [f"{base}/item{i}" for i in range(REQUESTS)]
    slots = asyncio.Semaphore(AT_A_TIME)  # what GreenPool(5) limited

    async def limited(url: str) -> str:
        async with slots:
            return await get(url, 10 * LATENCY)

    start = time.perf_counter()
    bodies = await asyncio.gather(*(limited(url) for url in urls))  # input order
    elapsed = time.perf_counter() - start
    print(f"{REQUESTS} requests, {AT_A_TIME} at a time: {elapsed:.2f} s")
    print(f"first results: {bodies[:2]}")
    print(f"with a deadline of LATENCY / 2: {await get(f'{base}/slow', LATENCY / 2)}")


# No patching, so the server's real thread stays a real thread: no child process needed.
with latency_server() as base_url:
    asyncio.run(main(base_url))

# example: timing browser=stand-in
# Output (timings vary):
#> 20 requests, 5 at a time: {float>=0.4<1.5} s
#> first results: ['ok /item0', 'ok /item1']
#> with a deadline of LATENCY / 2: timed out
