"""The I/O-bound workload on asyncio: 100 requests at once, then at most 10 at a time."""

import asyncio
import threading
import time

from workloads import LATENCY, fetch_async, latency_server

N_REQUESTS = 100
LIMIT = 10


async def fetch_all(urls: list[str]) -> list[bytes]:
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch_async(url)) for url in urls]
    return [task.result() for task in tasks]  # all done (or all cancelled) past the block


async def fetch_all_bounded(urls: list[str], limit: int) -> tuple[list[bytes], int]:
    semaphore = asyncio.Semaphore(limit)
    in_flight = peak = 0

    async def fetch_one(url: str) -> bytes:
        nonlocal in_flight, peak
        async with semaphore:  # waits here while `limit` requests are in flight
            in_flight += 1
            peak = max(peak, in_flight)
            try:
                return await fetch_async(url)
            finally:
                in_flight -= 1

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch_one(url)) for url in urls]
    return [task.result() for task in tasks], peak


async def main(base_url: str) -> None:
    urls = [f"{base_url}/item/{i}" for i in range(N_REQUESTS)]

    start = time.perf_counter()
    for url in urls[:5]:  # a short sequential sample gives the cost of one request
        await fetch_async(url)
    per_request = (time.perf_counter() - start) / 5

    start = time.perf_counter()
    bodies = await fetch_all(urls)
    all_at_once = time.perf_counter() - start

    start = time.perf_counter()
    bounded_bodies, peak = await fetch_all_bounded(urls, LIMIT)
    bounded = time.perf_counter() - start

    assert bounded_bodies == bodies
    print(f"{len(bodies)} answers, first {bodies[0]!r}, last {bodies[-1]!r}")
    print(f"sequential: {per_request:.3f} s per request (LATENCY = {LATENCY})")
    print(f"all {N_REQUESTS} at once: {all_at_once:.2f} s")
    print(f"at most {LIMIT} at once: {bounded:.2f} s (peak in flight: {peak})")
    others = [t.name for t in threading.enumerate() if t.name != "latency-server"]
    print("threads, besides the server's:", others)


with latency_server() as base_url:  # the server runs in a thread of its own
    asyncio.run(main(base_url))

# example: timing browser=stand-in
# Output (timings vary):
#> 100 answers, first b'ok /item/0', last b'ok /item/99'
#> sequential: {float>=0.1<0.5} s per request (LATENCY = 0.1)
#> all 100 at once: {float<1.0} s
#> at most 10 at once: {float>=0.9<5.0} s (peak in flight: 10)
#> threads, besides the server's: ['MainThread']
