"""Calling async code from other threads: run_coroutine_threadsafe() and call_soon_threadsafe()."""

import asyncio
import threading
import time

from workloads import fetch_async, latency_server


def from_a_plain_thread() -> None:
    """The wrong way: asyncio functions that need a running loop fail outside its thread."""
    coro = asyncio.sleep(0)
    try:
        asyncio.create_task(coro)
    except RuntimeError as exc:
        print(f"create_task() in another thread: RuntimeError: {exc}")
        coro.close()  # we never run it: close it, so no "never awaited" warning


def sync_code(loop: asyncio.AbstractEventLoop, base_url: str) -> None:
    """Blocking code (a thread of its own) that needs to call async code on `loop`."""
    future = asyncio.run_coroutine_threadsafe(fetch_async(f"{base_url}/one"), loop)
    print("one request:", future.result(timeout=5))  # a concurrent.futures.Future: blocks here

    start = time.perf_counter()
    futures = [
        asyncio.run_coroutine_threadsafe(fetch_async(f"{base_url}/{i}"), loop) for i in range(50)
    ]
    bodies = [f.result(timeout=5) for f in futures]
    print(
        f"{len(bodies)} requests, run concurrently by the loop: {time.perf_counter() - start:.2f} s"
    )

    slow = asyncio.run_coroutine_threadsafe(asyncio.sleep(10), loop)
    try:
        slow.result(timeout=0.05)
    except TimeoutError:
        slow.cancel()  # also cancels the task running in the loop
        print("result(timeout=0.05): TimeoutError; future.cancel() stopped the coroutine")

    loop.call_soon_threadsafe(print, "a plain callback, run by the loop's thread")


async def cancel_remaining_tasks() -> None:
    """What asyncio.run() does on exit: cancel what is left and wait until it has finished."""
    tasks = asyncio.all_tasks() - {asyncio.current_task()}
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await asyncio.get_running_loop().shutdown_asyncgens()


# 1. The event loop runs in a background thread; the main thread stays synchronous.
plain = threading.Thread(target=from_a_plain_thread)
plain.start()
plain.join()
with latency_server() as base_url:
    loop = asyncio.new_event_loop()
    loop_thread = threading.Thread(target=loop.run_forever, name="event-loop")
    loop_thread.start()
    try:
        sync_code(loop, base_url)
    finally:
        asyncio.run_coroutine_threadsafe(cancel_remaining_tasks(), loop).result()
        loop.call_soon_threadsafe(loop.stop)  # stop() itself is not thread-safe
        loop_thread.join()
        loop.close()


# 2. The event loop runs in the main thread; blocking code runs in to_thread() and calls back.
async def main(base_url: str) -> None:
    await asyncio.to_thread(sync_code, asyncio.get_running_loop(), base_url)


with latency_server() as base_url:
    asyncio.run(main(base_url))
print("threads left:", [t.name for t in threading.enumerate()])

# Output (timings vary):
#> create_task() in another thread: RuntimeError: no running event loop
#> one request: b'ok /one'
#> 50 requests, run concurrently by the loop: {float<1.0} s
#> result(timeout=0.05): TimeoutError; future.cancel() stopped the coroutine
#> a plain callback, run by the loop's thread
#> one request: b'ok /one'
#> 50 requests, run concurrently by the loop: {float<1.0} s
#> result(timeout=0.05): TimeoutError; future.cancel() stopped the coroutine
#> a plain callback, run by the loop's thread
#> threads left: ['MainThread']
