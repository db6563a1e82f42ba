"""Executor.map: results come back in input order; errors and timeouts surface while iterating."""

import time
from concurrent.futures import ThreadPoolExecutor

finished = []  # the order in which the calls really ended (list.append is atomic)


def nap(seconds: float) -> float:
    time.sleep(seconds)
    finished.append(seconds)
    return seconds


def parse(text: str) -> int:
    return int(text)  # raises ValueError for "three"


with ThreadPoolExecutor(max_workers=3) as executor:
    # 1. Input order, not completion order.
    print("results: ", list(executor.map(nap, [0.4, 0.1, 0.25])))
    print("finished:", finished)

    # 2. An exception is raised when iteration reaches its item, not before.
    results = executor.map(parse, ["1", "2", "three", "4"])
    try:
        for value in results:
            print("got", value)
    except ValueError as exc:
        print("map raised:", exc)

    # 3. The timeout counts from the map() call, and is checked when you ask for the next result.
    start = time.perf_counter()
    results = executor.map(nap, [0.1, 1.0], timeout=0.3)
    print("first:", next(results))
    try:
        next(results)
    except TimeoutError:
        print(f"TimeoutError after {time.perf_counter() - start:.2f} s")
# The 1 s call was already running: a timeout does not stop it, and the `with` block waits for it.
print(f"the with block ended {time.perf_counter() - start:.2f} s after map() was called")

# Output (timings vary):
#> results:  [0.4, 0.1, 0.25]
#> finished: [0.1, 0.25, 0.4]
#> got 1
#> got 2
#> map raised: invalid literal for int() with base 10: 'three'
#> first: 0.1
#> TimeoutError after {float>=0.3<0.8} s
#> the with block ended {float>=1.0<2.0} s after map() was called
