"""asyncio.shield(): the shielded task runs on, but the await on it is still cancelled.

It protects against the caller's cancellation (here a timeout), not against the task itself
being cancelled: asyncio.run() cancels every task still pending when main() returns.
"""

import asyncio

saving: set[asyncio.Task] = set()  # strong references: the loop keeps only weak ones


async def save(order: str, seconds: float) -> None:
    """A write that must not be cut in half."""
    try:
        await asyncio.sleep(seconds)
        print(f"{order}: saved")
    except asyncio.CancelledError:
        print(f"{order}: save cancelled halfway")
        raise


async def handle(order: str, seconds: float) -> None:
    task = asyncio.create_task(save(order, seconds))
    saving.add(task)
    task.add_done_callback(saving.discard)
    await asyncio.shield(task)  # if this await is cancelled, the task is not
    print(f"{order}: handler finished")


async def main() -> None:
    for order, seconds in [("order 1", 0.3), ("order 2", 30)]:
        try:
            async with asyncio.timeout(0.1):  # the client gives up after 0.1 s
                await handle(order, seconds)
        except TimeoutError:
            print(f"{order}: handler timed out; {len(saving)} save still running")
        if order == "order 1":
            await asyncio.wait(saving, timeout=5)  # a graceful shutdown waits like this
    print("main: returning with a save still pending")


asyncio.run(main())

# Output:
#> order 1: handler timed out; 1 save still running
#> order 1: saved
#> order 2: handler timed out; 1 save still running
#> main: returning with a save still pending
#> order 2: save cancelled halfway
