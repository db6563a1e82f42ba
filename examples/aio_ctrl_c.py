"""Ctrl-C under asyncio.run(): the main task is cancelled, cleanup runs, then KeyboardInterrupt."""

import asyncio
import signal

# Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


async def worker(n: int) -> None:
    try:
        while True:
            await asyncio.sleep(0.05)  # serving requests, say
    finally:
        print(f"worker {n}: cleaned up")


async def main() -> None:
    # Simulate the user pressing Ctrl-C after 0.2 s: the same signal the terminal sends.
    asyncio.get_running_loop().call_later(0.2, signal.raise_signal, signal.SIGINT)
    try:
        async with asyncio.TaskGroup() as tg:
            for n in range(3):
                tg.create_task(worker(n))
    except asyncio.CancelledError:
        print("main: cancelled; the TaskGroup has already cancelled and awaited its workers")
        raise
    finally:
        print("main: closing shared resources")


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt raised by asyncio.run(), after a clean shutdown")

# example: sigint
# Output:
#? worker 0: cleaned up
#? worker 1: cleaned up
#? worker 2: cleaned up
#> main: cancelled; the TaskGroup has already cancelled and awaited its workers
#> main: closing shared resources
#> KeyboardInterrupt raised by asyncio.run(), after a clean shutdown
