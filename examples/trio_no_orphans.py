"""A task started with bare asyncio.create_task() can outlive its caller and fail unseen;
a trio task exists only inside a nursery, so its lifetime and its errors have an owner."""

import asyncio
import gc

import trio


async def refresh_cache(sleep) -> None:
    await sleep(0.05)
    raise ConnectionError("cache server unreachable")


# asyncio, bare task: the helper returns at once and the task runs on, owned by nobody.
async def start_refresh_asyncio() -> None:
    asyncio.create_task(refresh_cache(asyncio.sleep))  # the task object is dropped


async def main_asyncio() -> None:
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda loop, ctx: print(f"  loop handler: {ctx['message']}"))
    await start_refresh_asyncio()
    print(f"  helper returned; tasks still running besides main: {len(asyncio.all_tasks()) - 1}")
    await asyncio.sleep(0.1)
    gc.collect()  # the failed task is freed; only then is its error reported (to a log)
    print("  main: finished normally, the error never reached it")


# trio: starting a task needs a nursery, so a helper must be given one by its caller.
async def start_refresh_trio(nursery: trio.Nursery) -> None:
    nursery.start_soon(refresh_cache, trio.sleep)


async def main_trio() -> None:
    try:
        async with trio.open_nursery() as nursery:
            await start_refresh_trio(nursery)
            print("  helper returned; the task belongs to main's nursery")
    except* ConnectionError as group:
        print(f"  main: the nursery raised {group.exceptions[0]!r}")


print("asyncio.create_task:")
asyncio.run(main_asyncio())
print("trio nursery:")
trio.run(main_trio)

# Output:
#> asyncio.create_task:
#>   helper returned; tasks still running besides main: 1
#>   loop handler: Task exception was never retrieved
#>   main: finished normally, the error never reached it
#> trio nursery:
#>   helper returned; the task belongs to main's nursery
#>   main: the nursery raised ConnectionError('cache server unreachable')
