"""Pitfall: `except ValueError` misses a ValueError raised inside a nursery: it arrives in a group."""

import signal

import trio

# Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


async def parse(record: str) -> int:
    await trio.sleep(0.01)
    return int(record)  # ValueError for "x"


async def parse_all(records: list[str]) -> None:
    async with trio.open_nursery() as nursery:
        for record in records:
            nursery.start_soon(parse, record)


async def broken() -> None:
    try:
        await parse_all(["1", "x"])
    except ValueError:  # BUG: never matches; the nursery raises an ExceptionGroup
        print("never printed")


async def fixed() -> None:
    try:
        await parse_all(["1", "x"])
    except* ValueError as group:  # FIX: except* looks inside the group
        print(f"fixed: caught {group.exceptions[0]!r}")


try:
    trio.run(broken)
except Exception as exc:
    print(f"broken: escaped as {type(exc).__name__}: {exc.exceptions!r}")
trio.run(fixed)


# The same applies to Ctrl-C: trio.run() raises KeyboardInterrupt inside a BaseExceptionGroup
# when it arrives while a nursery is open, so `except KeyboardInterrupt:` does not catch it.
async def interrupted() -> None:
    async with trio.open_nursery() as nursery:
        nursery.start_soon(trio.sleep_forever)
        signal.raise_signal(signal.SIGINT)  # as if the user pressed Ctrl-C
        await trio.sleep(1)


try:
    trio.run(interrupted)
except KeyboardInterrupt:
    print("never printed")
except BaseException as exc:
    print(f"Ctrl-C: trio.run raised {type(exc).__name__}: {exc.exceptions!r}")
try:
    trio.run(interrupted)
except* KeyboardInterrupt:  # FIX: matches a bare KeyboardInterrupt and one inside a group
    print("Ctrl-C: caught with except* KeyboardInterrupt")

# example: sigint
# Output:
#> broken: escaped as ExceptionGroup: (ValueError("invalid literal for int() with base 10: 'x'"),)
#> fixed: caught ValueError("invalid literal for int() with base 10: 'x'")
#> Ctrl-C: trio.run raised BaseExceptionGroup: (KeyboardInterrupt(),)
#> Ctrl-C: caught with except* KeyboardInterrupt
