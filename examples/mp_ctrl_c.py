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

WAIT = 30  # seconds: the longest any wait below may block


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
        ready.get(timeout=WAIT), ready.get(timeout=WAIT)  # both workers now ignore SIGINT
        done = 0
        try:
            for _ in as_completed(futures, timeout=WAIT):
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
        results = [pool.apply_async(slow, (n,)) for n in range(20)]
        ready.get(timeout=WAIT), ready.get(timeout=WAIT)
        try:
            press_ctrl_c()
            for result in results:
                result.get(timeout=WAIT)
        except KeyboardInterrupt:
            print("Pool: Ctrl-C; terminate() stops the workers at once")
            pool.terminate()  # leaving the with block would call terminate() too
        else:
            pool.close()  # no more tasks: the workers exit once the queue is empty
        pool.join()  # allowed only after close() or terminate()
    finished = sum(result.ready() for result in results)
    print(f"Pool: {finished} of {len(results)} tasks finished")


def main() -> None:
    # Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    with_executor()
    with_pool()
    print("processes left:", multiprocessing.active_children())


if __name__ == "__main__":
    main()

# example: processes sigint
#> executor: Ctrl-C after 2 results; cancelling the rest
#> executor: {int>=2<=9} finished, {int>=11<=18} cancelled, 20 in all
#> Pool: Ctrl-C; terminate() stops the workers at once
#> Pool: {int<=2} of 20 tasks finished
#> processes left: []
