"""contextvars: which ways of running code hand it a copy of the caller's context, and which do not.

A ContextVar holds a per-request value (an id for the logs, say) without passing it around.
Tasks and asyncio.to_thread() copy the caller's context; loop.run_in_executor() and
ThreadPoolExecutor.submit() do not: the function sees whatever its worker thread's context holds.
"""

import asyncio
import contextvars
from concurrent.futures import ThreadPoolExecutor

request_id = contextvars.ContextVar("request_id", default="<unset>")


def show(label: str) -> None:
    print(f"{label:<35} sees {request_id.get()!r}")


async def show_async(label: str) -> None:
    show(label)


async def set_own(value: str) -> None:
    request_id.set(value)  # changes the task's copy only
    show("task that set its own value")


async def with_asyncio(pool: ThreadPoolExecutor) -> None:
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(10):
        early = asyncio.create_task(show_async("task created before set()"))
        request_id.set("r-1")  # a request starts
        await early  # the task runs only now, but its copy was taken at creation
        await asyncio.create_task(show_async("task created after set()"))
        await asyncio.create_task(set_own("r-1/child"))
        show("main task, after that")
        await asyncio.to_thread(show, "asyncio.to_thread()")
        await loop.run_in_executor(pool, show, "loop.run_in_executor()")
        context = contextvars.copy_context()
        await loop.run_in_executor(pool, context.run, show, "run_in_executor(ctx.run, ...)")


def with_threads(pool: ThreadPoolExecutor) -> None:
    request_id.set("r-2")
    pool.submit(show, "pool.submit()").result(timeout=10)
    # One copy per call: a context can be entered by one thread at a time.
    context = contextvars.copy_context()
    pool.submit(context.run, show, "pool.submit(ctx.run, ...)").result(timeout=10)


def main() -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        # Start the worker thread before any value is set: on free-threaded builds (3.14t) a new
        # thread starts with a copy of its creator's context, so that would blur the lesson.
        pool.submit(int).result(timeout=10)
        asyncio.run(with_asyncio(pool))
        show("after asyncio.run()")  # asyncio.run() ran main in a copy: nothing leaked out
        with_threads(pool)


if __name__ == "__main__":
    main()

# Output:
#> task created before set()           sees '<unset>'
#> task created after set()            sees 'r-1'
#> task that set its own value         sees 'r-1/child'
#> main task, after that               sees 'r-1'
#> asyncio.to_thread()                 sees 'r-1'
#> loop.run_in_executor()              sees '<unset>'
#> run_in_executor(ctx.run, ...)       sees 'r-1'
#> after asyncio.run()                 sees '<unset>'
#> pool.submit()                       sees '<unset>'
#> pool.submit(ctx.run, ...)           sees 'r-2'
