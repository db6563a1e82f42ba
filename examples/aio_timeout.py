"""Timeouts are cancellations with a deadline: asyncio.timeout(), wait_for() and wait()."""

import asyncio


async def slow(name: str, seconds: float) -> str:
    try:
        await asyncio.sleep(seconds)
        return f"{name} done"
    except asyncio.CancelledError:
        print(f"  {name}: cancelled by the timeout")
        raise


async def main() -> None:
    # A deadline for a whole block, however many awaits it contains.
    try:
        async with asyncio.timeout(0.3):
            print(await slow("step 1", 0.05))
            print(await slow("step 2", 1.0))
    except TimeoutError:
        print("timeout(0.3): the block raised TimeoutError")

    # Move the deadline while progress is made.
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(0.5) as deadline:
        for step in range(4):
            await slow(f"chunk {step}", 0.2)
            deadline.reschedule(loop.time() + 0.5)  # 0.5 s more from now
    print(f"4 chunks of 0.2 s within a sliding 0.5 s deadline; expired: {deadline.expired()}")

    # One awaitable: wait_for() cancels it on timeout too.
    try:
        await asyncio.wait_for(slow("wait_for", 1), timeout=0.05)
    except TimeoutError:
        print("wait_for: TimeoutError")

    # wait() only reports what is done; it cancels nothing.
    task = asyncio.create_task(slow("wait", 0.2))
    done, pending = await asyncio.wait({task}, timeout=0.05)
    print(f"wait(timeout=0.05): {len(done)} done, {len(pending)} pending, task not cancelled")
    print(await task)
    print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)


asyncio.run(main())

# example: browser
# Output:
#> step 1 done
#>   step 2: cancelled by the timeout
#> timeout(0.3): the block raised TimeoutError
#> 4 chunks of 0.2 s within a sliding 0.5 s deadline; expired: False
#>   wait_for: cancelled by the timeout
#> wait_for: TimeoutError
#> wait(timeout=0.05): 0 done, 1 pending, task not cancelled
#> wait done
#> asyncio.TimeoutError is TimeoutError: True
