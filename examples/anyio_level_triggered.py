"""Edge-triggered (asyncio) versus level-triggered (trio, anyio) cancellation.

The same careless coroutine catches the first cancellation and carries on with another wait.
asyncio delivers a cancellation once; a trio or anyio cancel scope keeps cancelling every wait
inside it until the code leaves the scope.
"""

import asyncio
import time

import anyio


async def careless(sleep, cancelled: type[BaseException]) -> None:
    try:
        await sleep(10)
    except cancelled:  # BUG: a cancellation swallowed (a broad `except BaseException` does it too)
        print("  first wait: cancelled, and the exception is swallowed")
    start = time.perf_counter()
    try:
        await sleep(0.3)  # a second wait, e.g. a retry or a "graceful" pause
        print(
            f"  second wait: ran to the end, {time.perf_counter() - start:.2f} s past the deadline"
        )
    except cancelled:
        print("  second wait: cancelled at once")
        raise


async def with_asyncio() -> None:
    async with asyncio.timeout(0.05):
        await careless(asyncio.sleep, asyncio.CancelledError)
    print("  timeout block: left without TimeoutError; the deadline was lost")


async def with_anyio() -> None:
    with anyio.move_on_after(0.05) as scope:
        await careless(anyio.sleep, anyio.get_cancelled_exc_class())
    print(f"  move_on_after block: left, cancelled_caught={scope.cancelled_caught}")


print("asyncio.timeout (edge-triggered):")
asyncio.run(with_asyncio())
for backend in ("asyncio", "trio"):
    print(f"anyio.move_on_after on the {backend} backend (level-triggered):")
    anyio.run(with_anyio, backend=backend)

# Output:
# example: needs=trio
#> asyncio.timeout (edge-triggered):
#>   first wait: cancelled, and the exception is swallowed
#>   second wait: ran to the end, {float>=0.25} s past the deadline
#>   timeout block: left without TimeoutError; the deadline was lost
#> anyio.move_on_after on the asyncio backend (level-triggered):
#>   first wait: cancelled, and the exception is swallowed
#>   second wait: cancelled at once
#>   move_on_after block: left, cancelled_caught=True
#> anyio.move_on_after on the trio backend (level-triggered):
#>   first wait: cancelled, and the exception is swallowed
#>   second wait: cancelled at once
#>   move_on_after block: left, cancelled_caught=True
