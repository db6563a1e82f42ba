"""Many tiny tasks: chunksize decides whether the pool spends its time working or messaging."""

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

TASKS = range(20_000)


def tiny(n: int) -> int:
    return n + 1  # far cheaper than sending n to a worker and the result back


def timed(function, *args, **kwargs) -> tuple[float, list]:
    start = time.perf_counter()
    result = list(function(*args, **kwargs))
    return time.perf_counter() - start, result


def main() -> None:
    loop, expected = timed(map, tiny, TASKS)
    print(f"plain loop, no processes: {loop:.3f} s")
    with multiprocessing.Pool(processes=2) as pool:
        pool.map(tiny, range(100))  # warm up: both workers started
        one, result_one = timed(pool.map, tiny, TASKS, chunksize=1)
        big, result_big = timed(pool.map, tiny, TASKS, chunksize=1_000)
        default, result_default = timed(pool.map, tiny, TASKS)  # Pool picks a chunksize
    assert result_one == result_big == result_default == expected
    print(f"Pool.map chunksize=1:     {one:.3f} s")
    print(f"Pool.map chunksize=1000:  {big:.3f} s")
    print(f"Pool.map default:         {default:.3f} s")
    print(f"chunksize=1 is {one / big:.0f} times slower")

    with ProcessPoolExecutor(max_workers=2) as executor:
        list(executor.map(tiny, range(100)))
        one, result_one = timed(executor.map, tiny, TASKS)  # the executor's default is 1
        big, result_big = timed(executor.map, tiny, TASKS, chunksize=1_000)
    assert result_one == result_big == expected
    print(f"executor.map default (1): {one:.3f} s")
    print(f"executor.map chunksize=1000: {big:.3f} s, {one / big:.0f} times faster")


if __name__ == "__main__":
    main()

# Output (timings vary):
# example: processes timing
#> plain loop, no processes: {float} s
#> Pool.map chunksize=1:     {float} s
#> Pool.map chunksize=1000:  {float} s
#> Pool.map default:         {float} s
#> chunksize=1 is {int>=5} times slower
#> executor.map default (1): {float} s
#> executor.map chunksize=1000: {float} s, {int>=5} times faster
