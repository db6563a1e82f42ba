"""One task fails: the nursery cancels its siblings, waits for them, and raises an ExceptionGroup."""

import trio


async def download(name: str, seconds: float) -> None:
    try:
        await trio.sleep(seconds)
        print(f"{name}: done")
    except trio.Cancelled:
        print(f"{name}: cancelled, cleaning up")
        raise  # Cancelled must always propagate


async def parse(name: str) -> None:
    await trio.sleep(0.05)
    raise ValueError(f"{name}: malformed record")


async def main() -> None:
    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(download, "fast", 0.01)
            nursery.start_soon(download, "slow-1", 10)
            nursery.start_soon(download, "slow-2", 10)
            nursery.start_soon(parse, "parser")
    except* ValueError as group:  # matches the ValueErrors inside the group
        print(f"caught {type(group).__name__}: {[str(e) for e in group.exceptions]}")
    print("main: every child has finished; nothing runs in the background")


trio.run(main)

# Output:
#> fast: done
#? slow-1: cancelled, cleaning up
#? slow-2: cancelled, cleaning up
#> caught ExceptionGroup: ['parser: malformed record']
#> main: every child has finished; nothing runs in the background
