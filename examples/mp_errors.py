"""Results, exceptions and timeouts with process pools."""

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor


def check(n: int) -> int:
    if n == 3:
        raise ValueError(f"bad input {n}")
    return n * n


def slow(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as executor:
        # An exception raised in a worker is pickled back and raised again by result().
        futures = [executor.submit(check, n) for n in range(5)]
        for n, future in enumerate(futures):
            try:
                print(n, "->", future.result())
            except ValueError as exc:
                print(n, "->", repr(exc))
                # The worker's traceback travels along, as the text of exc.__cause__:
                lines = str(exc.__cause__).splitlines()
                print("   from the worker:", next(x for x in lines if "raise" in x).strip())

        # result(timeout=...) stops waiting; it does not stop the task.
        future = executor.submit(slow, 1.0)
        try:
            future.result(timeout=0.2)
        except TimeoutError:  # concurrent.futures.TimeoutError is TimeoutError since 3.11
            print("result(timeout=0.2): TimeoutError; cancel() ->", future.cancel())
        start = time.perf_counter()
    print(f"leaving the with block waited {time.perf_counter() - start:.1f} s for the task")

    with multiprocessing.Pool(processes=1) as pool:
        pending = pool.apply_async(slow, (30,))
        try:
            pending.get(timeout=0.2)
        except multiprocessing.TimeoutError as exc:  # not the built-in TimeoutError!
            print("AsyncResult.get(timeout=0.2):", type(exc).__module__, type(exc).__name__)
            print("  is it a built-in TimeoutError?", isinstance(exc, TimeoutError))
        start = time.perf_counter()
        pool.terminate()  # kills the workers, and with them the 30 s task
        pool.join()
    print(f"terminate() stopped the 30 s task in {time.perf_counter() - start:.1f} s")
    print("processes left:", multiprocessing.active_children())


if __name__ == "__main__":
    main()

# Output (timings vary):
# example: processes
#> 0 -> 0
#> 1 -> 1
#> 2 -> 4
#> 3 -> ValueError('bad input 3')
#>    from the worker: raise ValueError(f"bad input {n}")
#> 4 -> 16
#> result(timeout=0.2): TimeoutError; cancel() -> False
#> leaving the with block waited {float>0.5<5} s for the task
#> AsyncResult.get(timeout=0.2): multiprocessing.context TimeoutError
#>   is it a built-in TimeoutError? False
#> terminate() stopped the 30 s task in {float<5} s
#> processes left: []
