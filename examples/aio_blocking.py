"""Pitfall: a blocking call freezes the event loop. Debug mode reports it; to_thread() fixes it."""

import asyncio
import logging
import sys
import time

# asyncio reports through the "asyncio" logger; send it to stdout (stderr stays for real errors).
logging.basicConfig(stream=sys.stdout, level=logging.WARNING, format="%(name)s: %(message)s")


async def ticker(ticks: list[float]) -> None:
    while True:
        await asyncio.sleep(0.05)
        ticks.append(time.perf_counter())


async def load_report_blocking() -> str:
    time.sleep(0.3)  # BUG: a blocking call (file I/O, requests.get, a big computation...)
    return "report"


async def load_report_in_thread() -> str:
    await asyncio.to_thread(time.sleep, 0.3)  # FIX: the loop runs on while a thread waits
    return "report"


async def main(load_report) -> None:
    ticks: list[float] = []
    ticking = asyncio.create_task(ticker(ticks))
    await asyncio.sleep(0)
    await asyncio.create_task(load_report())  # debug mode times each step of each task
    ticking.cancel()
    print(f"{load_report.__name__}: the 50 ms ticker ticked {len(ticks)} times in 0.3 s")


for load_report in (load_report_blocking, load_report_in_thread):
    asyncio.run(main(load_report), debug=True)  # or PYTHONASYNCIODEBUG=1, or python -X dev

# Output:
#> asyncio: Executing <Task {...}> took {float>=0.25} seconds
#> load_report_blocking: the 50 ms ticker ticked 0 times in 0.3 s
#> load_report_in_thread: the 50 ms ticker ticked {int>=2} times in 0.3 s
