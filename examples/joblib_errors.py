"""Errors and timeouts in joblib: the worker's exception is re-raised in the caller, as itself."""

import multiprocessing
import time

from joblib import Parallel, delayed


def check(n: int) -> int:
    if n == 3:
        raise ValueError(f"bad input {n}")
    time.sleep(0.1)
    return n


def nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


if __name__ == "__main__":
    # 1. The first exception stops the run: joblib kills its loky workers (tasks in progress are
    #    lost, the next call starts fresh ones) and raises the exception here, with its own type.
    try:
        Parallel(n_jobs=2)(delayed(check)(n) for n in range(20))
    except ValueError as error:
        print(f"caught {type(error).__name__}: {error}")

    # 2. timeout= bounds each task; the stuck worker is killed, not left running.
    start = time.perf_counter()
    try:
        Parallel(n_jobs=2, timeout=0.5)(delayed(nap)(s) for s in [0.1, 30, 0.1])
    except multiprocessing.TimeoutError as error:  # note: not the built-in TimeoutError
        print(f"{type(error).__module__}.{type(error).__name__} after ", end="")
        print(f"{time.perf_counter() - start:.1f} s, not 30 s")

    # 3. To keep going after failures, return the error instead of raising it. (A nested function
    #    works as a task: loky pickles functions with cloudpickle, unlike multiprocessing.)
    def safe_check(n: int) -> int | str:
        try:
            return check(n)
        except ValueError as error:
            return f"failed: {error}"

    print(Parallel(n_jobs=2)(delayed(safe_check)(n) for n in range(2, 5)))

# Output (your numbers will differ):
#> caught ValueError: bad input 3
#> multiprocessing.context.TimeoutError after {float<5} s, not 30 s
#> [2, 'failed: bad input 3', 4]
