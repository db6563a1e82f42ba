"""Pitfall: a coroutine that swallows CancelledError breaks task.cancel() and timeouts."""

import asyncio


async def swallows() -> str:
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("  caught CancelledError and carried on")  # BUG: no re-raise
    return "finished normally"


async def re_raises() -> str:
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("  caught CancelledError, cleaned up, re-raised")
        raise  # FIX
    return "finished normally"


async def main() -> None:
    for work in (swallows, re_raises):
        print(f"{work.__name__}, task.cancel():")
        task = asyncio.create_task(work())
        await asyncio.sleep(0.01)
        task.cancel()
        try:
            result = await task
            print(f"  result {result!r}, task.cancelled() = {task.cancelled()}")
        except asyncio.CancelledError:
            print(f"  task ended cancelled, task.cancelled() = {task.cancelled()}")

        print(f"{work.__name__}, asyncio.timeout(0.05):")
        try:
            async with asyncio.timeout(0.05):
                result = await work()
            print(f"  no TimeoutError: the block went on with {result!r}")
        except TimeoutError:
            print("  TimeoutError, as asked")


asyncio.run(main())

# example: browser
# Output:
#> swallows, task.cancel():
#>   caught CancelledError and carried on
#>   result 'finished normally', task.cancelled() = False
#> swallows, asyncio.timeout(0.05):
#>   caught CancelledError and carried on
#>   no TimeoutError: the block went on with 'finished normally'
#> re_raises, task.cancel():
#>   caught CancelledError, cleaned up, re-raised
#>   task ended cancelled, task.cancelled() = True
#> re_raises, asyncio.timeout(0.05):
#>   caught CancelledError, cleaned up, re-raised
#>   TimeoutError, as asked
