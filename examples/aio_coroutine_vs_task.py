"""A coroutine object is a paused call that does nothing; a task is what the event loop runs."""

import asyncio


async def greet(name: str) -> str:
    print(f"  {name}: started")
    await asyncio.sleep(0.01)
    print(f"  {name}: finished")
    return name.upper()


async def main() -> None:
    coro = greet("coroutine")
    print(f"created a {type(coro).__name__} object; nothing has run")
    await asyncio.sleep(0.05)
    print("still nothing; now await it (it runs inside the current task):")
    print("result:", await coro)

    task = asyncio.create_task(greet("task"))
    print(f"created a {type(task).__name__}; it is scheduled, not started")
    await asyncio.sleep(0)  # any await hands control to the loop, which starts the task
    print("main runs on while the task sleeps")
    print("result:", await task)


asyncio.run(main())

# Output:
#> created a coroutine object; nothing has run
#> still nothing; now await it (it runs inside the current task):
#>   coroutine: started
#>   coroutine: finished
#> result: COROUTINE
#> created a Task; it is scheduled, not started
#>   task: started
#> main runs on while the task sleeps
#>   task: finished
#> result: TASK
