"""Ctrl-C with anyio on both backends: every task cleans up, and `except*` catches it either way."""

import signal

import anyio

# Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


async def worker(n: int) -> None:
    try:
        await anyio.sleep_forever()  # serving requests, say
    finally:
        print(f"  worker {n}: cleaned up")


async def press_ctrl_c() -> None:
    await anyio.sleep(0.2)
    signal.raise_signal(signal.SIGINT)  # the signal the terminal sends on Ctrl-C


async def main() -> None:
    try:
        async with anyio.create_task_group() as tg:
            for n in range(3):
                tg.start_soon(worker, n)
            tg.start_soon(press_ctrl_c)
    finally:
        print("  main: closing shared resources")


for backend in ("asyncio", "trio"):
    print(f"backend={backend}:")
    try:
        anyio.run(main, backend=backend)
    except* KeyboardInterrupt as group:  # also matches a bare KeyboardInterrupt
        print(f"  stopped by {[type(e).__name__ for e in group.exceptions]}")

# example: sigint needs=trio
# Output:
#> backend=asyncio:
#?   worker 0: cleaned up
#?   worker 1: cleaned up
#?   worker 2: cleaned up
#>   main: closing shared resources
#>   stopped by ['KeyboardInterrupt']
#> backend=trio:
#?   worker 0: cleaned up
#?   worker 1: cleaned up
#?   worker 2: cleaned up
#>   main: closing shared resources
#>   stopped by ['KeyboardInterrupt']
