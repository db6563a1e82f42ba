"""Cancelling a task: CancelledError arrives at its current await; finally blocks clean up."""

import asyncio


async def serve(name: str) -> None:
    print(f"{name}: connection opened")
    try:
        while True:
            await asyncio.sleep(0.05)  # the cancellation is raised here
    except asyncio.CancelledError:
        print(f"{name}: cancelled, cleaning up")
        raise  # re-raise, so the task really ends as cancelled
    finally:
        await asyncio.sleep(0.01)  # cleanup may await, e.g. writer.wait_closed()
        print(f"{name}: connection closed")


async def main() -> None:
    task = asyncio.create_task(serve("worker"))
    await asyncio.sleep(0.12)
    task.cancel()  # a request: nothing happens until the task runs again
    print(f"main: cancel requested, task done yet? {task.done()}")
    try:
        await task
    except asyncio.CancelledError:
        print("main: awaiting the task raised CancelledError")
    print(f"main: task.cancelled() = {task.cancelled()}")


asyncio.run(main())

# example: browser
# Output:
#> worker: connection opened
#> main: cancel requested, task done yet? False
#> worker: cancelled, cleaning up
#> worker: connection closed
#> main: awaiting the task raised CancelledError
#> main: task.cancelled() = True
