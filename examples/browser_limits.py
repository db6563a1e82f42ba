"""What this Python can do besides asyncio tasks, and where a browser behaves differently.

Run it with CPython, then press Run on the page to run it in your browser (Pyodide), and
compare: the page shows a recorded CPython run and lists the browser's answers.
"""

import asyncio
import importlib
import socket
import sys
import threading
import time


def can_start_a_thread() -> str:
    thread = threading.Thread(target=sum, args=([1, 2, 3],))
    try:
        thread.start()
    except RuntimeError as exc:  # Pyodide: "can't start new thread"
        return f"no ({exc})"
    thread.join()
    return "yes"


def can_import(module: str) -> str:
    try:
        importlib.import_module(module)
    except ImportError as exc:
        return f"no ({exc})"
    return "yes"


def can_listen() -> str:
    with socket.socket() as server:
        try:
            server.bind(("127.0.0.1", 0))
            server.listen()
        except OSError as exc:
            return f"no ({exc})"
    return "yes"


async def asyncio_facts() -> None:
    results = await asyncio.gather(*(asyncio.sleep(0.01, result=n) for n in range(3)))
    print(f"asyncio tasks: {len(results)} finished")

    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    await asyncio.gather(*(loop.run_in_executor(None, time.sleep, 0.2) for _ in range(3)))
    elapsed = time.perf_counter() - start
    print(f"run_in_executor: 3 calls of time.sleep(0.2) took {elapsed:.1f} s in all")

    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)  # the ticker starts
    ticks = 0
    time.sleep(0.3)  # a blocking call inside a coroutine
    print(f"during time.sleep(0.3) in a coroutine, another task ran {ticks} times")
    task.cancel()


print(f"running on: {sys.platform}")
print(f"threads: {can_start_a_thread()}")
print(f"processes (multiprocessing's pools, queues): {can_import('multiprocessing.synchronize')}")
print(f"subinterpreters (concurrent.interpreters, 3.14+): {can_import('concurrent.interpreters')}")
print(f"listening sockets (a server such as workloads.latency_server): {can_listen()}")
asyncio.run(asyncio_facts())

# example: browser blocks-loop
# Output (the answers depend on where it runs):
#> running on: {...}
#> threads: yes
#> processes (multiprocessing's pools, queues): yes
#> subinterpreters (concurrent.interpreters, 3.14+): {...}
#> listening sockets (a server such as workloads.latency_server): yes
#> asyncio tasks: 3 finished
#> run_in_executor: 3 calls of time.sleep(0.2) took {float<0.55} s in all
#> during time.sleep(0.3) in a coroutine, another task ran 0 times
# Output in the browser (Pyodide):
#> running on: emscripten
#> threads: no (can't start new thread)
#> processes (multiprocessing's pools, queues): no (No module named '_multiprocessing')
#> subinterpreters (concurrent.interpreters, 3.14+): no (No module named '_interpreters')
#> listening sockets (a server such as workloads.latency_server): no ([Errno 138] Not supported)
#> asyncio tasks: 3 finished
#> run_in_executor: 3 calls of time.sleep(0.2) took {float>=0.6} s in all
#> during time.sleep(0.3) in a coroutine, another task ran {int>=5} times
