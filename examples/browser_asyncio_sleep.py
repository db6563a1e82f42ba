"""asyncio overlaps waits in the browser exactly as under CPython: no thread is involved.

Ten tasks each wait 0.2 s; they wait at the same time, so the whole takes about 0.2 s, not 2 s.
Then a thousand tasks do the same. Press Run on the page to see it happen in your browser.
"""

import asyncio
import time


async def wait(n: int, seconds: float) -> int:
    await asyncio.sleep(seconds)  # hands control back to the event loop while it waits
    return n


async def main() -> None:
    for count in (10, 1000):
        start = time.perf_counter()
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(wait(n, 0.2)) for n in range(count)]
        elapsed = time.perf_counter() - start
        total = sum(task.result() for task in tasks)
        print(f"{count} tasks waited 0.2 s each: {elapsed:.2f} s in all (sum of results {total})")
    print(f"one after the other, the 10 waits alone would take {10 * 0.2:.1f} s")


asyncio.run(main())

# example: browser
# Output (timings vary):
#> 10 tasks waited 0.2 s each: {float<1.0} s in all (sum of results 45)
#> 1000 tasks waited 0.2 s each: {float<1.5} s in all (sum of results 499500)
#> one after the other, the 10 waits alone would take 2.0 s
