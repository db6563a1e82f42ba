"""A playground: edit this program, then press Run (or Ctrl+Enter in the code).

Three tasks sleep for different times; they finish in order of their delays, yet the results
come back in the order the tasks were created. Try more tasks, other delays, or an exception.
"""

import asyncio


async def nap(name: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    print(f"{name} woke up after {seconds} s")
    return name


async def main() -> None:
    async with asyncio.TaskGroup() as group:
        tasks = [
            group.create_task(nap(name, seconds))
            for name, seconds in [("slow", 0.3), ("fast", 0.1), ("medium", 0.2)]
        ]
    print("results in creation order:", [task.result() for task in tasks])


asyncio.run(main())

# example: browser
# Output:
#> fast woke up after 0.1 s
#> medium woke up after 0.2 s
#> slow woke up after 0.3 s
#> results in creation order: ['slow', 'fast', 'medium']
