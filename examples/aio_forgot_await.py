"""Pitfall: calling a coroutine function without `await` runs nothing (and only warns)."""

import asyncio
import warnings


async def save(record: str, db: list[str]) -> None:
    await asyncio.sleep(0.01)  # pretend to talk to a database
    db.append(record)


async def main() -> None:
    db: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        save("first", db)  # BUG: creates a coroutine object and drops it
    print("saved:", db)
    for warning in caught:  # normally printed to stderr when the object is garbage-collected
        # (under -X dev the message goes on with the lines where the coroutine was created)
        first_line = str(warning.message).splitlines()[0]
        print(f"{warning.category.__name__}: {first_line}")

    await save("second", db)  # FIX: await it (or wrap it in a task and await that)
    print("saved:", db)


asyncio.run(main())

# example: browser
# Output:
#> saved: []
#> RuntimeWarning: coroutine 'save' was never awaited
#> saved: ['second']
