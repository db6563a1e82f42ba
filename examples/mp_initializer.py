"""Per-worker setup with initializer=: open an expensive resource once per process, not per task."""

import atexit
import contextlib
import multiprocessing
import os
import pickle
import sqlite3
from concurrent.futures import ProcessPoolExecutor

WAIT = 60  # seconds: the longest the program waits for results
_connection: sqlite3.Connection | None = None  # one per worker process, set by open_database


def open_database(path: str) -> None:
    global _connection
    _connection = sqlite3.connect(path)  # runs once in each worker, before its first task
    # Closed when the worker exits normally; under fork and forkserver, from Python 3.13 on.
    atexit.register(_connection.close)


def lookup(n: int) -> tuple[int, int, int]:
    (square,) = _connection.execute("SELECT ? * ?", (n, n)).fetchone()
    return square, os.getpid(), id(_connection)


def main() -> None:
    # A connection cannot travel to a worker: it does not pickle. (`with connection:` would
    # only commit; closing() closes it.)
    with contextlib.closing(sqlite3.connect(":memory:")) as connection:
        try:
            pickle.dumps(connection)
        except TypeError as exc:
            print("pickling a connection:", exc)

    with ProcessPoolExecutor(
        max_workers=2, initializer=open_database, initargs=(":memory:",)
    ) as executor:
        results = list(executor.map(lookup, range(10), timeout=WAIT))
    print("squares:", [square for square, _, _ in results])
    connections = {(pid, connection) for _, pid, connection in results}
    workers = {pid for _, pid, _ in results}
    print("one connection per worker process:", len(connections) == len(workers))

    # multiprocessing.Pool takes the same two arguments.
    with multiprocessing.Pool(2, initializer=open_database, initargs=(":memory:",)) as pool:
        squares = [square for square, _, _ in pool.map_async(lookup, range(5)).get(timeout=WAIT)]
        # The workers exit normally and close their connections. (Leaving the with block alone
        # would terminate() them: killed workers run no exit code.)
        pool.close()
        pool.join()
    print("Pool:", squares)


if __name__ == "__main__":
    main()

# example: processes
#> pickling a connection: cannot pickle 'sqlite3.Connection' object
#> squares: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
#> one connection per worker process: True
#> Pool: [0, 1, 4, 9, 16]
