"""Pitfall: a task nobody holds a reference to can be garbage-collected before it finishes."""

import asyncio
import gc
import weakref

# A reply dispatcher that, like many callback registries, holds its waiters weakly.
pending_replies: weakref.WeakValueDictionary[int, asyncio.Future] = weakref.WeakValueDictionary()
background_tasks: set[asyncio.Task] = set()


async def job(n: int) -> None:
    reply = asyncio.get_running_loop().create_future()
    pending_replies[n] = reply
    try:
        print(f"job {n}: waiting for its reply")
        print(f"job {n}: got {await reply!r}")
    finally:
        print(f"job {n}: finally block runs")


def report(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    print(f"loop exception handler: {context['message']}")  # by default: logged to stderr


async def main() -> None:
    asyncio.get_running_loop().set_exception_handler(report)

    asyncio.create_task(job(1))  # BUG: the task object is dropped at once
    await asyncio.sleep(0.01)
    gc.collect()  # any allocation can trigger a collection; here we force one
    print(f"after gc: replies still awaited: {list(pending_replies)}")

    task = asyncio.create_task(job(2))  # FIX: keep a strong reference until the task is done
    background_tasks.add(task)
    task.add_done_callback(background_tasks.discard)
    await asyncio.sleep(0.01)
    gc.collect()
    print(f"after gc: replies still awaited: {list(pending_replies)}")
    pending_replies[2].set_result("the reply")
    await asyncio.sleep(0.01)
    print(f"background tasks left: {background_tasks}")


asyncio.run(main())

# example: browser
# Output:
#> job 1: waiting for its reply
#? job 1: finally block runs
#? loop exception handler: Task was destroyed but it is pending!
#> after gc: replies still awaited: []
#> job 2: waiting for its reply
#> after gc: replies still awaited: [2]
#> job 2: got 'the reply'
#> job 2: finally block runs
#> background tasks left: set()
