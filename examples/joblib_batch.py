"""Pitfall: tiny tasks. One task per dispatch costs more than the work; batching fixes it."""

import time

from joblib import Parallel, delayed

TASKS = 2_000


def square(x: int) -> int:
    return x * x  # far less work than sending it to another process and back


def timed(run) -> tuple[float, list]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


if __name__ == "__main__":
    Parallel(n_jobs=2)(delayed(square)(x) for x in range(4))  # start the workers first

    loop, expected = timed(lambda: [square(x) for x in range(TASKS)])
    one_by_one, r1 = timed(
        lambda: Parallel(n_jobs=2, batch_size=1)(delayed(square)(x) for x in range(TASKS))
    )
    auto, r2 = timed(lambda: Parallel(n_jobs=2)(delayed(square)(x) for x in range(TASKS)))
    assert r1 == r2 == expected
    print(f"{TASKS} tiny tasks")
    print(f"plain loop: {loop * 1000:.1f} ms")
    print(f"batch_size=1: {one_by_one * 1000:.0f} ms, {one_by_one / TASKS * 1e6:.0f} µs per task")
    print(f"batch_size='auto' (the default): {auto * 1000:.0f} ms")
    print(f"auto batching is {one_by_one / auto:.1f}x faster than one task per dispatch")
    print(f"and still {auto / loop:.0f}x slower than the plain loop")

# example: timing
# Output (your numbers will differ; the tests check these bounds on a 2-core machine):
#> 2000 tiny tasks
#> plain loop: {float} ms
#> batch_size=1: {float} ms, {float} µs per task
#> batch_size='auto' (the default): {float} ms
#> auto batching is {float>2}x faster than one task per dispatch
#> and still {float>1}x slower than the plain loop
