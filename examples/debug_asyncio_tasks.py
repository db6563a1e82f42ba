"""Find where an asyncio program hangs: list every task and the line it is waiting at.

The bug (see aio_queue_workers.py for the correct pool): a worker calls queue.task_done()
only when a job succeeds, so after one failure queue.join() waits forever.
"""

import asyncio
import sys


class Hang(Exception):
    pass


async def worker(queue: asyncio.Queue, task_done_always: bool) -> None:
    while True:
        job = await queue.get()
        try:
            if job == 3:
                raise ValueError(f"job {job} failed")
            await asyncio.sleep(0.01)
            if not task_done_always:
                queue.task_done()  # BUG: skipped when the job raises
        except ValueError as exc:
            print(f"  {asyncio.current_task().get_name()}: {exc}, carrying on")
        finally:
            if task_done_always:
                queue.task_done()  # FIX: every job taken is marked done


async def watchdog(seconds: float) -> None:
    await asyncio.sleep(seconds)
    print(f"  still running after {seconds} s; every other task and where it waits:")
    me = asyncio.current_task()
    for task in sorted(asyncio.all_tasks() - {me}, key=lambda task: task.get_name()):
        task.print_stack(file=sys.stdout)  # or task.get_stack(): a list of frames
    raise Hang


async def main(task_done_always: bool) -> None:
    asyncio.current_task().set_name("main")
    queue: asyncio.Queue[int] = asyncio.Queue()
    for job in range(10):
        queue.put_nowait(job)
    async with asyncio.TaskGroup() as tg:
        dog = tg.create_task(watchdog(1.0), name="watchdog")
        workers = [
            tg.create_task(worker(queue, task_done_always), name=f"worker-{n}") for n in range(2)
        ]
        await queue.join()
        print("  queue.join() returned: all jobs done")
        for task in [*workers, dog]:  # they would wait forever: stop them
            task.cancel()


for fixed in (False, True):
    print(f"task_done_always={fixed}:")
    try:
        asyncio.run(main(fixed))
    except* Hang:
        print("  stopped by the watchdog")

# Output (which worker meets the bad job varies):
#> task_done_always=False:
#>   worker-{int}: job 3 failed, carrying on
#>   still running after 1.0 s; every other task and where it waits:
#> Stack for <Task pending name='main' coro=<main() running at {...}/debug_asyncio_tasks.py:50>{...}> (most recent call last):
#>   File "{...}/debug_asyncio_tasks.py", line 50, in main
#>     await queue.join()
#> Stack for <Task pending name='worker-0' coro=<worker() running at {...}/debug_asyncio_tasks.py:17>{...}> (most recent call last):
#>   File "{...}/debug_asyncio_tasks.py", line 17, in worker
#>     job = await queue.get()
#> Stack for <Task pending name='worker-1' coro=<worker() running at {...}/debug_asyncio_tasks.py:17>{...}> (most recent call last):
#>   File "{...}/debug_asyncio_tasks.py", line 17, in worker
#>     job = await queue.get()
#>   stopped by the watchdog
#> task_done_always=True:
#>   worker-{int}: job 3 failed, carrying on
#>   queue.join() returned: all jobs done
