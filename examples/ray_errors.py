"""Errors, timeouts and cancellation with Ray."""

import logging
import time

import ray
from ray.exceptions import GetTimeoutError, RayTaskError, TaskCancelledError


@ray.remote
def check(n: int) -> int:
    if n == 3:
        raise ValueError(f"bad input {n}")
    return n


@ray.remote
def nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


if __name__ == "__main__":
    ray.init(
        address="local",
        num_cpus=2,
        object_store_memory=128 * 2**20,
        include_dashboard=False,
        logging_level=logging.ERROR,
    )
    try:
        # 1. ray.get() raises the task's exception, wrapped: the class is a RayTaskError that is
        #    also a ValueError, so `except ValueError` works; .cause is the original exception.
        refs = [check.remote(n) for n in range(5)]
        try:
            ray.get(refs)
        except ValueError as error:
            print(type(error).__name__, "| a RayTaskError:", isinstance(error, RayTaskError))
            print("cause:", repr(error.cause))
        # The other tasks ran; fetch their results one by one.
        results = []
        for ref in refs:
            try:
                results.append(ray.get(ref))
            except ValueError:
                results.append(None)
        print("results:", results)

        # 2. ray.get(timeout=...) gives up waiting (GetTimeoutError is a TimeoutError); the
        #    task keeps running.
        slow = nap.remote(30)
        start = time.perf_counter()
        try:
            ray.get(slow, timeout=1)
        except GetTimeoutError as error:
            print(f"{type(error).__name__} after {time.perf_counter() - start:.1f} s,", end=" ")
            print("a TimeoutError:", isinstance(error, TimeoutError))

        # 3. ray.cancel() asks politely: it raises KeyboardInterrupt inside the task, which
        #    Python only sees between bytecodes, so a task blocked in one long C call
        #    (time.sleep, a socket read...) runs on until that call returns.
        ray.cancel(slow)
        try:
            ray.get(slow, timeout=2)
        except GetTimeoutError:
            print("2 s after ray.cancel(), the sleeping task still runs")
        #    force=True kills the worker process that runs it (Ray starts a new one later).
        ray.cancel(slow, force=True)
        start = time.perf_counter()
        try:
            ray.get(slow, timeout=10)
        except TaskCancelledError as error:
            print(f"force=True: {type(error).__name__} after {time.perf_counter() - start:.1f} s")
    finally:
        ray.shutdown()

# example: timeout=180
# Output (your numbers will differ):
#> RayTaskError(ValueError) | a RayTaskError: True
#> cause: ValueError('bad input 3')
#> results: [0, 1, 2, None, 4]
#> GetTimeoutError after {float<5} s, a TimeoutError: True
#> 2 s after ray.cancel(), the sleeping task still runs
#> force=True: TaskCancelledError after {float<5} s
