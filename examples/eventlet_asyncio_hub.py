"""Eventlet's own migration path: run it on the asyncio hub, then port code piece by piece.

With EVENTLET_HUB=asyncio, eventlet's green threads and asyncio coroutines share one
asyncio event loop, so old (green) and new (async) code can call each other meanwhile.
"""

# ruff: noqa: E402 (imports after the patching are the point)

import os
import warnings

os.environ["EVENTLET_HUB"] = "asyncio"  # usually set in the shell: EVENTLET_HUB=asyncio

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import eventlet
for warning in caught:  # shown on stdout here; normally it goes to stderr on every start
    first_two_sentences = " ".join(str(warning.message).split()).split(". ")[:2]
    print(f"{warning.category.__name__}: {'. '.join(first_two_sentences)}.")

eventlet.monkey_patch()

import asyncio
import time

import eventlet.hubs
from eventlet.asyncio import spawn_for_awaitable
from greenlet_server import latency_server_process

from workloads import fetch, fetch_async


def old_green_code(base: str, i: int) -> bytes:  # not yet ported: blocking style, patched
    return fetch(f"{base}/green{i}")


async def new_async_code(base: str, i: int) -> bytes:  # already ported
    return await fetch_async(f"{base}/async{i}")


async def main(base: str) -> None:
    start = time.perf_counter()
    green = [eventlet.spawn(old_green_code, base, i) for i in range(3)]
    tasks = [asyncio.create_task(new_async_code(base, i)) for i in range(3)]
    bodies = [await thread for thread in green]  # a GreenThread can be awaited
    bodies += await asyncio.gather(*tasks)
    print(f"3 green + 3 async requests together: {time.perf_counter() - start:.2f} s")
    print(f"results: {[body.decode() for body in bodies]}")


print(f"hub: {type(eventlet.hubs.get_hub()).__module__}")
with latency_server_process() as base_url:
    # From green code, wrap a coroutine in a GreenThread and wait for it.
    spawn_for_awaitable(main(base_url)).wait()

# example: timing
# Output (timings vary):
#> EventletDeprecationWarning: Eventlet is deprecated. It is currently being maintained in bugfix mode, and we strongly recommend against using it for new projects.
#> hub: eventlet.hubs.asyncio
#> 3 green + 3 async requests together: {float<0.5} s
#> results: ['ok /green0', 'ok /green1', 'ok /green2', 'ok /async0', 'ok /async1', 'ok /async2']
