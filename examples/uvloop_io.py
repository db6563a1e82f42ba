"""The I/O-bound workload on asyncio's default event loop and on uvloop, side by side."""

import asyncio
import time

import uvloop

from workloads import LATENCY, fetch_async, latency_server

N_REQUESTS = 1000
ROUNDS = 3  # alternate the two loops, keep each one's best round


async def fetch_all(urls: list[str]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.thread_time()
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch_async(url)) for url in urls]
    assert all(task.result().startswith(b"ok /item/") for task in tasks)
    # thread_time(): CPU time of this thread only, i.e. of the client's event loop, not of
    # the test server, which runs asyncio's default loop in another thread of this process.
    return time.perf_counter() - wall, time.thread_time() - cpu


LOOPS = {"asyncio": asyncio.new_event_loop, "uvloop": uvloop.new_event_loop}

with latency_server() as base_url:
    urls = [f"{base_url}/item/{i}" for i in range(N_REQUESTS)]
    best = {name: (float("inf"), float("inf")) for name in LOOPS}
    for _ in range(ROUNDS):
        for name, new_loop in LOOPS.items():
            # debug=False: compare the loops as they run in production, even under `python -X
            # dev`, whose debug mode records a traceback for every asyncio task and callback.
            # (3.12+: asyncio.run(..., debug=False, loop_factory=new_loop))
            with asyncio.Runner(debug=False, loop_factory=new_loop) as runner:
                wall, cpu = runner.run(fetch_all(urls))
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))

print(f"{N_REQUESTS} concurrent requests, LATENCY = {LATENCY} s, best of {ROUNDS} rounds:")
for name, (wall, cpu) in best.items():
    print(f"  {name:8} {wall:.2f} s wall clock, {cpu:.2f} s CPU in the client's loop")
wall_ratio = best["asyncio"][0] / best["uvloop"][0]
cpu_ratio = best["asyncio"][1] / best["uvloop"][1]
print(f"uvloop vs asyncio: {wall_ratio:.2f}x wall clock, {cpu_ratio:.2f}x client CPU")

# example: timing
# Output (timings vary; a ratio above 1 means uvloop was faster or used less CPU):
#> 1000 concurrent requests, LATENCY = 0.1 s, best of 3 rounds:
#>   asyncio  {float<10} s wall clock, {float} s CPU in the client's loop
#>   uvloop   {float<10} s wall clock, {float} s CPU in the client's loop
#> uvloop vs asyncio: {float>0.5}x wall clock, {float>1.5}x client CPU
