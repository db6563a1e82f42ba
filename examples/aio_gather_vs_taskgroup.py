"""When one task fails: gather() lets the others run on, a TaskGroup cancels them."""

import asyncio


async def job(name: str, seconds: float, error: type[Exception] | None = None) -> str:
    try:
        await asyncio.sleep(seconds)
        if error:
            raise error(f"{name} failed")
        print(f"  {name} finished")
        return name
    except asyncio.CancelledError:
        print(f"  {name} cancelled")
        raise  # always let cancellation through


async def with_gather() -> None:
    print("gather:")
    try:
        await asyncio.gather(job("a", 0.1, ValueError), job("b", 0.2), job("c", 0.3))
    except ValueError as exc:
        print(f"  gather raised {exc!r}; b and c are still running")
    await asyncio.sleep(0.4)  # give them time: they finish although nobody waits for them


async def with_gather_return_exceptions() -> None:
    print("gather(return_exceptions=True):")
    results = await asyncio.gather(job("a", 0.1, ValueError), job("b", 0.2), return_exceptions=True)
    print(f"  results: {results!r}")


async def with_taskgroup() -> None:
    print("TaskGroup:")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 0.1, ValueError))
            tg.create_task(job("b", 0.2))
            tg.create_task(job("c", 0.3))
    except* ValueError as group:
        print(f"  except* ValueError caught {group.exceptions!r}")


async def with_taskgroup_two_errors() -> None:
    print("TaskGroup, two failures at once:")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 0, ValueError))
            tg.create_task(job("b", 0, KeyError))
            tg.create_task(job("c", 0.3))
    except* ValueError as group:
        print(f"  except* ValueError caught {group.exceptions!r}")
    except* KeyError as group:
        print(f"  except* KeyError caught {group.exceptions!r}")


async def main() -> None:
    await with_gather()
    await with_gather_return_exceptions()
    await with_taskgroup()
    await with_taskgroup_two_errors()


asyncio.run(main())

# example: browser
# Output:
#> gather:
#>   gather raised ValueError('a failed'); b and c are still running
#>   b finished
#>   c finished
#> gather(return_exceptions=True):
#>   b finished
#>   results: [ValueError('a failed'), 'b']
#> TaskGroup:
#?   b cancelled
#?   c cancelled
#>   except* ValueError caught (ValueError('a failed'),)
#> TaskGroup, two failures at once:
#>   c cancelled
#>   except* ValueError caught (ValueError('a failed'),)
#>   except* KeyError caught (KeyError('b failed'),)
