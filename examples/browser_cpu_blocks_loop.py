"""CPU-bound code blocks asyncio's event loop: in CPython and in the browser alike.

A ticker task counts how often it gets to run. While the main task awaits, the ticker runs;
while the main task computes without awaiting, nothing else can run. The workloads module
comes from this site: in the browser, it is a wheel listed in the site's pyodide-lock.json.
"""

import asyncio

from workloads import CPU_LIMIT, count_primes

ticks = 0


async def ticker() -> None:
    global ticks
    while True:
        ticks += 1
        await asyncio.sleep(0.005)


async def main() -> None:
    global ticks
    background = asyncio.create_task(ticker())
    await asyncio.sleep(0)  # let the ticker start

    ticks = 0
    await asyncio.sleep(0.3)
    print(f"ticks while awaiting asyncio.sleep(0.3): {ticks}")

    ticks = 0
    primes = count_primes(CPU_LIMIT)  # no await inside: the event loop is stuck here
    print(f"ticks while counting the {primes} primes below {CPU_LIMIT:,}: {ticks}")

    background.cancel()


asyncio.run(main())

# example: browser blocks-loop
# Output (the first count varies):
#> ticks while awaiting asyncio.sleep(0.3): {int>=5}
#> ticks while counting the 11301 primes below 120,000: 0
