"""What goes to a worker process is pickled: lambdas and local functions do not survive the trip."""

import functools
import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def scale(x: int, factor: int) -> int:
    return x * factor


def make_scaler(factor: int):
    def scaler(x: int) -> int:  # a closure: pickle can only refer to top-level names
        return x * factor

    return scaler


def quiet() -> None:
    """A top-level initializer: picklable under every start method."""


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        # Pitfall 1: the task itself is a lambda or a closure. Fails under every start method.
        for label, fn in [("lambda", lambda x: x * 10), ("closure", make_scaler(10))]:
            try:
                executor.submit(fn, 2).result()
            except Exception as exc:  # PicklingError or AttributeError, depending on the version
                print(f"{label} as task: cannot be pickled ({type(exc).__name__})")
        # Fix: a top-level function; bind extra arguments with functools.partial.
        print("partial as task:", executor.submit(functools.partial(scale, factor=10), 2).result())

    # Pitfall 2: a lambda initializer works under fork only (fork copies it, nothing is pickled).
    # fork was the default on Linux up to 3.13; 3.14 defaults to forkserver; macOS/Windows: spawn.
    for method in ("fork", "spawn", "forkserver"):
        context = multiprocessing.get_context(method)
        for label, init in [("lambda", lambda: None), ("top-level function", quiet)]:
            try:
                with ProcessPoolExecutor(1, mp_context=context, initializer=init) as executor:
                    outcome = f"ok, result {executor.submit(scale, 2, 10).result()}"
            except Exception as exc:
                outcome = f"fails ({type(exc).__name__})"
            print(f"{method:10} {label} initializer: {outcome}")

# Output:
# example: processes
#> lambda as task: cannot be pickled (PicklingError)
#> closure as task: cannot be pickled ({...}Error)
#> partial as task: 20
#> fork       lambda initializer: ok, result 20
#> fork       top-level function initializer: ok, result 20
#> spawn      lambda initializer: fails (PicklingError)
#> spawn      top-level function initializer: ok, result 20
#> forkserver lambda initializer: fails (PicklingError)
#> forkserver top-level function initializer: ok, result 20
