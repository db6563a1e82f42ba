"""Messages between processes: a work Queue with sentinels, a two-way Pipe, and draining."""

import multiprocessing
from multiprocessing.connection import Connection

STOP = None  # the sentinel: one per worker says "no more work is coming"


def worker(tasks: multiprocessing.Queue, results: multiprocessing.Queue) -> None:
    for n in iter(tasks.get, STOP):
        results.put((n, n * n))


def shout(connection: Connection) -> None:
    while (message := connection.recv()) != "bye":
        connection.send(message.upper())
    connection.close()


def send_big(results: multiprocessing.Queue) -> None:
    results.put(b"x" * 1_000_000)  # far more than an OS pipe holds (64 KiB on Linux)


def main() -> None:
    # 1. Queue: two workers take tasks from one queue and put results on another.
    tasks, results = multiprocessing.Queue(), multiprocessing.Queue()
    workers = [multiprocessing.Process(target=worker, args=(tasks, results)) for _ in range(2)]
    for process in workers:
        process.start()
    for n in range(10):
        tasks.put(n)
    for _ in workers:
        tasks.put(STOP)
    squares = dict(results.get() for _ in range(10))  # results arrive in any order
    for process in workers:
        process.join()
    print("squares:", [squares[n] for n in range(10)])

    # 2. Pipe: two connected ends, both can send and receive.
    here, there = multiprocessing.Pipe()
    child = multiprocessing.Process(target=shout, args=(there,))
    child.start()
    there.close()  # this process only uses its own end
    for word in ("ping", "pong"):
        here.send(word)
        print(f"pipe: {word} -> {here.recv()}")
    here.send("bye")
    child.join()
    here.close()

    # 3. A child that put data on a queue does not exit until the data has been read.
    results = multiprocessing.Queue()
    child = multiprocessing.Process(target=send_big, args=(results,))
    child.start()
    child.join(timeout=1)  # join() without a timeout here would wait forever
    print("joined before reading: child still alive after 1 s:", child.is_alive())
    data = results.get()  # read first ...
    child.join()  # ... then join
    print(f"read {len(data):,} bytes, then joined: exit code {child.exitcode}")


if __name__ == "__main__":
    main()

# example: processes
#> squares: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
#> pipe: ping -> PING
#> pipe: pong -> PONG
#> joined before reading: child still alive after 1 s: True
#> read 1,000,000 bytes, then joined: exit code 0
