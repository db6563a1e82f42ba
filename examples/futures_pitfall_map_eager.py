"""Executor.map() pulls the whole input and submits every call before it returns its first result."""

import collections
import itertools
import sys
from concurrent.futures import Executor, ThreadPoolExecutor

pulled = 0  # how many items the executor has taken from the input so far


def numbers(n: int):
    global pulled
    for i in range(n):
        pulled += 1
        yield i


def square(x: int) -> int:
    return x * x


def bounded_map(executor: Executor, fn, iterable, window: int):
    """Like executor.map(fn, iterable), but with at most `window` calls submitted and unread."""
    items = iter(iterable)
    pending = collections.deque(executor.submit(fn, x) for x in itertools.islice(items, window))

    def results():
        try:
            while pending:
                for x in itertools.islice(items, 1):  # take one more item, if any
                    pending.append(executor.submit(fn, x))
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()

    return results()


with ThreadPoolExecutor(max_workers=2) as executor:
    # The pitfall: 100,000 items are pulled and 100,000 futures exist before we read one result.
    # (An endless generator here would never return and eat all memory.)
    results = executor.map(square, numbers(100_000))
    print(f"map(): {pulled:,} items pulled before the first result")
    next(results)
    del results  # dropping the iterator cancels the calls that have not started

    # The fix: keep a bounded window of calls in flight. Python 3.14 has it built in.
    pulled = 0
    if sys.version_info >= (3, 14):
        results = executor.map(square, numbers(1_000), buffersize=4)
    else:
        results = bounded_map(executor, square, numbers(1_000), window=4)
    print(f"bounded: {pulled} items pulled before the first result")
    print("first three results:", next(results), next(results), next(results))
    print(f"bounded: {pulled} items pulled after three results")
    rest = list(results)
    print(f"then {len(rest)} more, in input order: {rest == [i * i for i in range(3, 1_000)]}")

# Output:
#> map(): 100,000 items pulled before the first result
#> bounded: 4 items pulled before the first result
#> first three results: 0 1 4
#> bounded: 7 items pulled after three results
#> then 997 more, in input order: True
