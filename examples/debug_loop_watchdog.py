"""Find the blocking call that freezes an event loop: a watchdog thread notices that the loop
has stopped ticking and prints the line the loop's thread is executing at that moment.

The bug is the one of aio_blocking.py: time.sleep() inside a coroutine. asyncio's debug mode
names the slow *task*; the watchdog shows the *line*, while it is still blocking.
"""

import asyncio
import sys
import threading
import time
import traceback


class LoopWatchdog:
    def __init__(self, loop: asyncio.AbstractEventLoop, threshold: float = 0.2) -> None:
        self.loop, self.threshold = loop, threshold
        self.loop_thread = threading.get_ident()  # create it from the loop's own thread
        self.last_tick = time.monotonic()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.watch, name="loop-watchdog")

    def tick(self) -> None:  # runs in the loop, every 20 ms, as long as the loop is free
        self.last_tick = time.monotonic()
        if not self.stop.is_set():
            self.loop.call_later(0.02, self.tick)

    def watch(self) -> None:  # runs in its own thread, so it sees a frozen loop
        reported = False
        while not self.stop.wait(0.02):
            stalled = time.monotonic() - self.last_tick > self.threshold
            if stalled and not reported:
                frame = sys._current_frames()[self.loop_thread]
                print(f"watchdog: the loop has not ticked for {self.threshold} s; it is at:")
                for entry in traceback.extract_stack(frame):
                    if entry.filename == __file__:  # only this program's frames
                        print(f"  line {entry.lineno} in {entry.name}: {entry.line}")
            reported = stalled

    def __enter__(self) -> "LoopWatchdog":
        self.tick()
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


async def load_report() -> str:
    time.sleep(0.5)  # BUG: blocks the event loop (fix: await asyncio.to_thread(...))
    return "report"


async def handle_request() -> str:
    return await load_report()


async def main() -> None:
    with LoopWatchdog(asyncio.get_running_loop()):
        await asyncio.sleep(0.1)  # a healthy loop: no report
        print(f"got {await handle_request()!r}")


asyncio.run(main())

# Output:
# example: blocks-loop
#> watchdog: the loop has not ticked for 0.2 s; it is at:
#>   line 65 in <module>: asyncio.run(main())
#>   line 62 in main: print(f"got {await handle_request()!r}")
#>   line 56 in handle_request: return await load_report()
#>   line 51 in load_report: time.sleep(0.5)  # BUG: blocks the event loop (fix: await asyncio.to_thread(...))
#> got 'report'
