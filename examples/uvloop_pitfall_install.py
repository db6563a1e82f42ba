"""Pitfall: uvloop.install() changes the loop of every later asyncio.run(), in every thread.

It sets a process-wide event loop policy: deprecated by uvloop from Python 3.12 on, and policies
themselves are deprecated by asyncio in 3.14 (to be removed in 3.16). Pass a loop factory instead.
"""

import asyncio
import threading
import warnings

import uvloop


async def loop_name() -> str:
    return type(asyncio.get_running_loop()).__name__


def library_thread() -> None:
    # Code you do not own, e.g. a library that runs its own loop in a background thread.
    print(f"  a library's thread: {asyncio.run(loop_name())}")


def report(title: str) -> None:
    print(title)
    print(f"  another asyncio.run() in the main thread: {asyncio.run(loop_name())}")
    thread = threading.Thread(target=library_thread)
    thread.start()
    thread.join()


# FIX: choose the loop where you start your own program; nothing else is affected.
print(f"uvloop.run(): your program runs on {uvloop.run(loop_name())}")
report("everything else is unchanged:")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    uvloop.install()  # BUG: global, and deprecated
for warning in caught:
    if "uvloop" in str(warning.message):
        print(f"{warning.category.__name__}: {warning.message}")
report("after uvloop.install(), everything else changed too:")

# example: python>=3.12
# Output:
#> uvloop.run(): your program runs on Loop
#> everything else is unchanged:
#>   another asyncio.run() in the main thread: _UnixSelectorEventLoop
#>   a library's thread: _UnixSelectorEventLoop
#> DeprecationWarning: uvloop.install() is deprecated in favor of uvloop.run() starting with Python 3.12.
#> after uvloop.install(), everything else changed too:
#>   another asyncio.run() in the main thread: Loop
#>   a library's thread: Loop
