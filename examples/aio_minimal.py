"""The smallest useful asyncio program: 50 waits overlap on one thread."""

import asyncio
import threading
import time


async def wait_and_square(n: int) -> int:
    await asyncio.sleep(0.1)  # stands for any I/O wait: a socket, a subprocess, a timer
    return n * n


async def main() -> None:
    start = time.perf_counter()
    squares = await asyncio.gather(*(wait_and_square(n) for n in range(50)))
    elapsed = time.perf_counter() - start
    print(f"{len(squares)} results in order: {squares[:5]} ... {squares[-1]}")
    print(f"50 waits of 0.1 s took {elapsed:.2f} s")
    print("threads:", [t.name for t in threading.enumerate()])


asyncio.run(main())

# example: browser
# Output (timings vary):
#> 50 results in order: [0, 1, 4, 9, 16] ... 2401
#> 50 waits of 0.1 s took {float<1.0} s
#> threads: ['MainThread']
