"""ThreadPoolExecutor: a fixed set of reusable threads, results and exceptions handed back."""

import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def slow_square(x: int) -> int:
    time.sleep(0.15 * (5 - x))  # later inputs finish first
    if x == 3:
        raise ValueError(f"cannot square {x}")
    return x * x


with ThreadPoolExecutor(max_workers=5, thread_name_prefix="square") as pool:
    # map(): results in INPUT order; the first exception is re-raised when you reach it.
    results = pool.map(slow_square, [0, 1, 2])
    print("map:", list(results))

    # submit(): one Future per call; as_completed() yields them in FINISHING order.
    futures = {pool.submit(slow_square, x): x for x in range(5)}
    for future in as_completed(futures):
        x = futures[future]
        try:
            print(f"square({x}) = {future.result()}")  # re-raises the worker's exception here
        except ValueError as exc:
            print(f"square({x}) failed: {exc!r}")
# leaving the with block = pool.shutdown(wait=True): every worker thread has been joined

# Output:
#> map: [0, 1, 4]
#> square(4) = 16
#> square(3) failed: ValueError('cannot square 3')
#> square(2) = 4
#> square(1) = 1
#> square(0) = 0
