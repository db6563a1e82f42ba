"""Pitfall: asyncio.run() where an event loop is already running (async code, Jupyter)."""

import asyncio


async def fetch_data() -> int:
    await asyncio.sleep(0.01)
    return 42


def sync_helper() -> int:
    """Synchronous code that needs a result from async code."""
    return asyncio.run(fetch_data())


async def main() -> None:
    coro = fetch_data()
    try:
        asyncio.run(coro)  # BUG: this thread already runs a loop (main's)
    except RuntimeError as exc:
        print(f"RuntimeError: {exc}")
        coro.close()  # it never ran: close it, or Python warns "never awaited"

    print("fix 1, await it:", await fetch_data())
    # Fix 2, if the synchronous helper must stay as it is: a thread has no running loop,
    # so asyncio.run() there starts a second, private loop (nothing is shared with ours).
    print("fix 2, sync helper in a thread:", await asyncio.to_thread(sync_helper))


print("sync helper from sync code:", sync_helper())  # fine: no loop is running here
asyncio.run(main())

# Output:
#> sync helper from sync code: 42
#> RuntimeError: asyncio.run() cannot be called from a running event loop
#> fix 1, await it: 42
#> fix 2, sync helper in a thread: 42
