"""Stop a group early when one task has the answer: anyio and trio versus asyncio.TaskGroup."""

import asyncio
import time

import anyio

MIRRORS = {"mirror-a": 0.3, "mirror-b": 0.05, "mirror-c": 0.2}  # seconds each takes to answer


async def download(mirror: str, sleep) -> str:
    await sleep(MIRRORS[mirror])
    return f"file from {mirror}"


async def first_anyio() -> str:
    winner = ""

    async def attempt(mirror: str) -> None:
        nonlocal winner
        winner = await download(mirror, anyio.sleep)
        tg.cancel_scope.cancel()  # stop the others; the group exits without an error

    async with anyio.create_task_group() as tg:
        for mirror in MIRRORS:
            tg.start_soon(attempt, mirror)
    return winner


class _Done(Exception):
    """Raised to tear the asyncio.TaskGroup down; caught just outside it."""


async def first_asyncio() -> str:
    # Python 3.11-3.14 have no TaskGroup.cancel(): raise a private exception, catch it outside.
    winner = ""

    async def attempt(mirror: str) -> None:
        nonlocal winner
        winner = await download(mirror, asyncio.sleep)
        raise _Done  # the group cancels the other tasks, then raises ExceptionGroup([_Done])

    try:
        async with asyncio.TaskGroup() as tg:
            for mirror in MIRRORS:
                tg.create_task(attempt(mirror))
    except* _Done:
        pass
    return winner


async def timed(first) -> str:
    start = time.perf_counter()
    winner = await first()
    return f"{winner} in {time.perf_counter() - start:.2f} s"


for backend in ("asyncio", "trio"):
    print(f"anyio on {backend}: {anyio.run(timed, first_anyio, backend=backend)}")
print(f"asyncio.TaskGroup: {asyncio.run(timed(first_asyncio))}")

# Output (timings vary; the slower mirrors would take 0.2 and 0.3 s):
# example: needs=trio
#> anyio on asyncio: file from mirror-b in {float<0.2} s
#> anyio on trio: file from mirror-b in {float<0.2} s
#> asyncio.TaskGroup: file from mirror-b in {float<0.2} s
