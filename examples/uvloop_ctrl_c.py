"""Ctrl-C under uvloop.run(): as with asyncio.run(), the main task is cancelled, then
KeyboardInterrupt is raised once everything has been cleaned up."""

import asyncio
import signal

import uvloop

# Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


async def worker(n: int) -> None:
    try:
        await asyncio.sleep(3600)  # serving requests, say
    finally:
        print(f"worker {n}: cleaned up")


async def main() -> None:
    # Simulate the user pressing Ctrl-C after 0.2 s: the same signal the terminal sends.
    asyncio.get_running_loop().call_later(0.2, signal.raise_signal, signal.SIGINT)
    try:
        async with asyncio.TaskGroup() as tg:
            for n in range(3):
                tg.create_task(worker(n))
    finally:
        print(f"main: closing shared resources (loop: {type(asyncio.get_running_loop()).__name__})")


try:
    uvloop.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt raised by uvloop.run(), after a clean shutdown")

# example: sigint
# Output:
#? worker 0: cleaned up
#? worker 1: cleaned up
#? worker 2: cleaned up
#> main: closing shared resources (loop: Loop)
#> KeyboardInterrupt raised by uvloop.run(), after a clean shutdown
