"""The smallest trio program: a nursery starts 50 tasks and does not close until all are done."""

import time

import trio


async def wait_and_square(n: int, results: dict[int, int]) -> None:
    await trio.sleep(0.1)  # stands for any I/O wait
    results[n] = n * n  # trio tasks return nothing to their nursery: store results yourself


async def main() -> None:
    results: dict[int, int] = {}
    start = time.perf_counter()
    async with trio.open_nursery() as nursery:
        for n in range(50):
            nursery.start_soon(wait_and_square, n, results)  # a function and its arguments
        print(f"inside the block: {len(results)} results so far")
    # Past the block every child has finished: there is no way to leave one running.
    elapsed = time.perf_counter() - start
    squares = [results[n] for n in range(50)]
    print(f"after the block: {len(squares)} results: {squares[:5]} ... {squares[-1]}")
    print(f"50 waits of 0.1 s took {elapsed:.2f} s")


trio.run(main)  # trio.run takes the function, not a coroutine object

# Output (timings vary):
#> inside the block: 0 results so far
#> after the block: 50 results: [0, 1, 4, 9, 16] ... 2401
#> 50 waits of 0.1 s took {float<1.0} s
