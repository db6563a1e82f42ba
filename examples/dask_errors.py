"""Errors, timeouts and cancellation with Dask futures."""

import logging
import time

from dask.distributed import CancelledError, Client, LocalCluster, wait


def check(n: int) -> int:
    if n == 3:
        raise ValueError(f"bad input {n}")
    return n


def nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


if __name__ == "__main__":
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=":0",
            silence_logs=logging.CRITICAL,  # the workers would log each failed task to stderr
        ) as cluster,
        Client(cluster) as client,
    ):
        # 1. An exception travels back with its future; result() or gather() raises it, as itself.
        futures = client.map(check, range(5))
        wait(futures)
        print("statuses:", [f.status for f in futures])
        try:
            client.gather(futures)
        except ValueError as error:
            print(f"caught {type(error).__name__}: {error}")
        print("the others:", client.gather(futures, errors="skip"))

        # 2. result(timeout=...) gives up waiting; the task itself keeps going.
        slow = client.submit(nap, 2)
        start = time.perf_counter()
        try:
            slow.result(timeout=0.3)
        except TimeoutError:
            print(f"TimeoutError after {time.perf_counter() - start:.1f} s, status: {slow.status}")

        # 3. cancel() drops the task; a result() call then raises CancelledError.
        #    (A task already running in a worker thread cannot be stopped; its result is dropped.)
        slow.cancel()
        try:
            slow.result()
        except CancelledError:
            print("CancelledError, status:", slow.status)

# Output (your numbers will differ):
#> statuses: ['finished', 'finished', 'finished', 'error', 'finished']
#> caught ValueError: bad input 3
#> the others: [0, 1, 2, 4]
#> TimeoutError after {float<2.0} s, status: pending
#> CancelledError, status: cancelled
