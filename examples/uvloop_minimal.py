"""Run a program on uvloop: the same asyncio code, another event loop underneath."""

import asyncio
import time

import uvloop


async def wait_and_square(n: int) -> int:
    await asyncio.sleep(0.1)
    return n * n


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:  # all of asyncio's API works unchanged
        tasks = [tg.create_task(wait_and_square(n)) for n in range(50)]
    squares = [task.result() for task in tasks]
    print(f"  loop: {type(loop).__module__}.{type(loop).__name__}")
    print(f"  {len(squares)} results, last {squares[-1]}, in {time.perf_counter() - start:.2f} s")


print("uvloop.run(main()):")  # the recommended entry point, on every Python uvloop supports
uvloop.run(main())

print("asyncio.Runner(loop_factory=uvloop.new_event_loop):")  # the standard library's way (3.11+)
with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
    runner.run(main())

print("asyncio.run(main()):")  # without a factory: asyncio's own loop
asyncio.run(main())

# Output (timings vary):
#> uvloop.run(main()):
#>   loop: uvloop.Loop
#>   50 results, last 2401, in {float<1.0} s
#> asyncio.Runner(loop_factory=uvloop.new_event_loop):
#>   loop: uvloop.Loop
#>   50 results, last 2401, in {float<1.0} s
#> asyncio.run(main()):
#>   loop: asyncio.unix_events._UnixSelectorEventLoop
#>   50 results, last 2401, in {float<1.0} s
