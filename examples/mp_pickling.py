"""Everything sent to a worker is pickled: lambdas and closures fail, top-level functions work."""

import functools
import multiprocessing
import random
from concurrent.futures import ProcessPoolExecutor


def scale(factor: int, x: int) -> int:
    return factor * x


def make_scaler(factor: int):
    def scale_by(x: int) -> int:  # a closure: pickle cannot find it by name
        return factor * x

    return scale_by


def seed_worker(seed: int) -> None:
    random.seed(seed)


def main() -> None:
    with ProcessPoolExecutor(max_workers=2) as executor:
        for label, function in [("lambda", lambda x: 3 * x), ("closure", make_scaler(3))]:
            try:
                list(executor.map(function, [1, 2, 3]))
            except Exception as exc:  # the type differs across versions, see below
                print(f"{label}: {type(exc).__name__}: {exc}")
        # The fix: a function defined at the top level of a module, plus functools.partial
        # to bind the extra argument (a partial of a top-level function pickles fine).
        print("partial:", list(executor.map(functools.partial(scale, 3), [1, 2, 3])))

    # An initializer is pickled too, but only when the child is not a fork of the parent:
    # the same code works with fork and fails with spawn and forkserver.
    for method in ("fork", "spawn", "forkserver"):
        context = multiprocessing.get_context(method)
        try:
            with context.Pool(1, initializer=lambda: random.seed(42)) as pool:
                print(f"{method} + lambda initializer:", pool.map(abs, [-1, -2]))
        except Exception as exc:
            print(f"{method} + lambda initializer: fails ({type(exc).__name__})")
        with context.Pool(1, initializer=seed_worker, initargs=(42,)) as pool:
            print(f"{method} + top-level initializer:", pool.map(abs, [-1, -2]))


if __name__ == "__main__":
    main()

# 3.11 and 3.12 raise AttributeError "Can't pickle local object", 3.13 "Can't get local object",
# 3.14 raises PicklingError. A lambda at module level fails differently: PicklingError
# "Can't pickle <function <lambda> at 0x...>: attribute lookup <lambda> on __main__ failed".
# example: processes
#> lambda: {...}Error: Can't {...} local object {...}main.<locals>.<lambda>{...}
#> closure: {...}Error: Can't {...} local object {...}make_scaler.<locals>.scale_by{...}
#> partial: [3, 6, 9]
#> fork + lambda initializer: [1, 2]
#> fork + top-level initializer: [1, 2]
#> spawn + lambda initializer: fails ({...}Error)
#> spawn + top-level initializer: [1, 2]
#> forkserver + lambda initializer: fails ({...}Error)
#> forkserver + top-level initializer: [1, 2]
