"""The three ways to run a function in another process: Process, Pool, ProcessPoolExecutor."""

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


def square(n: int) -> int:
    return n * n


def child(parent_pid: int, n: int, results: multiprocessing.Queue) -> None:
    # Runs in the child: a different process, with its own pid and its own memory.
    results.put((square(n), os.getpid() != parent_pid))


def main() -> None:
    # 1. One Process: you start it and join it; a result comes back through a Queue.
    results = multiprocessing.Queue()
    process = multiprocessing.Process(target=child, args=(os.getpid(), 7, results))
    process.start()
    value, other_pid = results.get()  # get() before join(): see "Queue and Pipe"
    process.join()
    print(f"Process: {value}, ran in another process: {other_pid}, exit code {process.exitcode}")

    # 2. A Pool of worker processes maps a function over many inputs.
    with multiprocessing.Pool(processes=2) as pool:
        print("Pool.map:", pool.map(square, range(8)))

    # 3. The same pool idea behind the concurrent.futures interface.
    with ProcessPoolExecutor(max_workers=2) as executor:
        future = executor.submit(square, 12)
        print("submit:", future.result())
        print("map:", list(executor.map(square, range(8))))

    print("processes left:", multiprocessing.active_children())


if __name__ == "__main__":  # required: see "Why the __main__ guard matters"
    main()

# example: processes
#> Process: 49, ran in another process: True, exit code 0
#> Pool.map: [0, 1, 4, 9, 16, 25, 36, 49]
#> submit: 144
#> map: [0, 1, 4, 9, 16, 25, 36, 49]
#> processes left: []
