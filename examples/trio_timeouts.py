"""Cancel scopes: move_on_after, fail_after, cancelling a scope by hand, and shielded cleanup."""

import time

import trio


async def query(seconds: float) -> str:
    await trio.sleep(seconds)
    return f"answer after {seconds} s"


async def main() -> None:
    # move_on_after: give up silently at the deadline; the scope says whether it fired.
    result = "default"
    with trio.move_on_after(0.05) as scope:
        result = await query(10)
    print(f"move_on_after: result={result!r}, cancelled_caught={scope.cancelled_caught}")

    # fail_after: the same, but leaving the block raises TooSlowError.
    try:
        with trio.fail_after(0.05):
            await query(10)
    except trio.TooSlowError:
        print("fail_after: TooSlowError")

    # Deadlines nest: the inner, longer timeout cannot extend the outer, shorter one.
    start = time.perf_counter()
    with trio.move_on_after(0.05):
        with trio.move_on_after(10):
            await query(10)
    print(f"nested: left after {time.perf_counter() - start:.2f} s")

    # A scope can be cancelled by anyone who holds it, e.g. from another task.
    async with trio.open_nursery() as nursery:
        scope = trio.CancelScope()

        async def worker() -> None:
            with scope:
                await query(10)
            print("worker: its scope was cancelled, it carries on after the block")

        nursery.start_soon(worker)
        await trio.sleep(0.01)
        scope.cancel()

    # Cleanup that must await even though its scope is cancelled: shield it.
    with trio.move_on_after(0.05):
        try:
            await query(10)
        finally:
            with trio.CancelScope(shield=True), trio.move_on_after(1):
                await trio.sleep(0.01)  # e.g. send a goodbye message, close a connection
                print("cleanup: ran to completion inside a shielded scope")


trio.run(main)

# Output (timings vary):
#> move_on_after: result='default', cancelled_caught=True
#> fail_after: TooSlowError
#> nested: left after {float<0.5} s
#> worker: its scope was cancelled, it carries on after the block
#> cleanup: ran to completion inside a shielded scope
