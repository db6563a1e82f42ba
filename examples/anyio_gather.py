"""anyio 4.15+: gather(), amap(), as_completed() and Future, on both backends.

gather(), amap() and as_completed() are thin layers over a task group: every task finishes (or
is cancelled) before the call returns, and an error in one task cancels the others and
propagates as an ExceptionGroup. A Future runs nothing: it carries one value between tasks.
"""

import anyio


async def double(n: int, step: float = 0.05) -> int:
    await anyio.sleep(step * (3 - n))  # the last one finishes first
    return n * 2


async def main() -> None:
    with anyio.fail_after(5):  # a bound on every wait below
        print(f"  gather:       {await anyio.gather(double(1), double(2), double(3))}")
        print(f"  amap:         {await anyio.amap(double, [1, 2, 3])}")
        # 0.2 s apart, so that they finish one by one even on a busy machine: trio runs tasks
        # that wake up together in a random order, on purpose (tests must not rely on one)
        async with anyio.as_completed(double(1, 0.2), double(2, 0.2), double(3, 0.2)) as finished:
            print(f"  as_completed: {[handle.return_value async for handle in finished]}")

        future: anyio.Future[str] = anyio.Future()

        async def producer() -> None:
            await anyio.sleep(0.01)
            future.return_value = "ready"  # wakes every task awaiting the future

        async with anyio.create_task_group() as tg:
            tg.start_soon(producer)
            print(f"  Future:       {await future}")


for backend in ("asyncio", "trio"):
    print(f"backend={backend}:")
    anyio.run(main, backend=backend)

# Output:
# example: needs=trio
#> backend=asyncio:
#>   gather:       (2, 4, 6)
#>   amap:         [2, 4, 6]
#>   as_completed: [6, 4, 2]
#>   Future:       ready
#> backend=trio:
#>   gather:       (2, 4, 6)
#>   amap:         [2, 4, 6]
#>   as_completed: [6, 4, 2]
#>   Future:       ready
