"""Ctrl-C with process pools: workers ignore SIGINT, the parent cancels, nothing is left running.

In a terminal, Ctrl-C sends SIGINT to every process in the foreground group: the parent AND each
worker. Workers that do not ignore it die with a KeyboardInterrupt traceback each, mid-task.
Here press_ctrl_c() does what the terminal does, so the example runs the same every time.
"""

import multiprocessing
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor, as_completed


def ignore_sigint(ready: multiprocessing.Queue) -> None:  # the initializer, once per worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # only the parent handles Ctrl-C
    ready.put(os.getpid())  # only for this demo: tells main() this worker is set up


def slow(n: int) -> int:
    time.sleep(0.2)
    return n


def press_ctrl_c() -> None:
    for child in multiprocessing.active_children():  # the pool's workers
        os.kill(child.pid, signal.SIGINT)
    signal.raise_signal(signal.SIGINT)  # KeyboardInterrupt in this (main) thread


def with_executor() -> None:
    ready = multiprocessing.Queue()
    with ProcessPoolExecutor(2, initializer=ignore_sigint, initargs=(ready,)) as executor:
        futures = [executor.submit(slow, n) for n in range(20)]
        ready.get(), ready.get()  # both workers now ignore SIGINT
        done = 0
        try:
            for _ in as_completed(futures):
                done += 1
                if done == 2:
                    press_ctrl_c()
        except KeyboardInterrupt:
            print(f"executor: Ctrl-C after {done} results; cancelling the rest")
            executor.shutdown(wait=True, cancel_futures=True)  # running tasks finish, queued go
            # a real program would now exit, e.g. raise SystemExit(130)
    cancelled = sum(future.cancelled() for future in futures)
    finished = sum(future.done() and not future.cancelled() for future in futures)
    print(f"executor: {finished} finished, {cancelled} cancelled, {finished + cancelled} in all")


def with_pool() -> None:
    ready = multiprocessing.Queue()
    with multiprocessing.Pool(2, initializer=ignore_sigint, initargs=(ready,)) as pool:
        pending = pool.map_async(slow, range(20), chunksize=1)
        ready.get(), ready.get()
        try:
            press_ctrl_c()
            pending.get()
        except KeyboardInterrupt:
            print("Pool: Ctrl-C; terminate() stops the workers at once")
            pool.terminate()  # leaving the with block would call terminate() too
        pool.join()


def main() -> None:
    with_executor()
    with_pool()
    print("processes left:", multiprocessing.active_children())


if __name__ == "__main__":
    main()

# example: processes
#> executor: Ctrl-C after 2 results; cancelling the rest
#> executor: {int} finished, {int} cancelled, 20 in all
#> Pool: Ctrl-C; terminate() stops the workers at once
#> processes left: []
