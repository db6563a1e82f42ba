"""Python 3.12+: asyncio.run() takes a loop factory, the replacement for event loop policies."""

import asyncio

import uvloop


async def main() -> str:
    return type(asyncio.get_running_loop()).__name__


print(asyncio.run(main(), loop_factory=uvloop.new_event_loop))  # this run only
print(asyncio.run(main()))  # nothing global was changed: the next run uses asyncio's loop

# example: python>=3.12
# Output:
#> Loop
#> _UnixSelectorEventLoop
