"""Why the gevent examples run the latency server in a child process.

workloads.latency_server() starts a threading.Thread that runs an asyncio event loop. After
patch_all() that "thread" is a greenlet in our own OS thread: fetching from it still works,
but asyncio now sees a running event loop in this OS thread, so asyncio.run() fails here.
"""

# ruff: noqa: E402 (imports after the patching are the point)

from gevent import monkey

monkey.patch_all()

import asyncio

from greenlet_server import latency_server_process

from workloads import fetch, fetch_async, latency_server


def try_both(label: str, base: str) -> None:
    print(f"{label}:")
    print(f"  fetch():       {fetch(f'{base}/sync').decode()}")
    coroutine = fetch_async(f"{base}/async")
    try:
        print(f"  asyncio.run(): {asyncio.run(coroutine).decode()}")
    except RuntimeError as error:
        coroutine.close()  # it never started
        print(f"  asyncio.run(): RuntimeError: {error}")


with latency_server() as base_url:
    try_both("server in a patched thread, i.e. a greenlet", base_url)
with latency_server_process() as base_url:
    try_both("server in a child process", base_url)

# Output:
#> server in a patched thread, i.e. a greenlet:
#>   fetch():       ok /sync
#>   asyncio.run(): RuntimeError: asyncio.run() cannot be called from a running event loop
#> server in a child process:
#>   fetch():       ok /sync
#>   asyncio.run(): ok /async
