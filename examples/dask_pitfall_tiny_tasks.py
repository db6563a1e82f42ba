"""Pitfall: a task per tiny call. The scheduler's cost per task dwarfs the work; batch instead."""

import logging
import time

from dask.distributed import Client, LocalCluster

TASKS = 2_000


def square(x: int) -> int:
    return x * x


def square_all(xs: list[int]) -> list[int]:
    return [x * x for x in xs]


if __name__ == "__main__":
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.gather(client.map(square, range(10)))  # warm up

        start = time.perf_counter()
        expected = [x * x for x in range(TASKS)]
        loop = time.perf_counter() - start

        start = time.perf_counter()
        one_each = client.gather(client.map(square, range(TASKS)))
        tiny = time.perf_counter() - start

        start = time.perf_counter()
        chunks = [list(range(TASKS))[i::2] for i in range(2)]  # one batch per worker
        batched_results = client.gather(client.map(square_all, chunks))
        batched = time.perf_counter() - start
        assert sorted(one_each) == sorted(expected) == sorted(sum(batched_results, []))

    print(f"{TASKS} squares")
    print(f"plain loop: {loop * 1000:.2f} ms")
    print(f"{TASKS} tasks: {tiny * 1000:.0f} ms, {tiny / TASKS * 1e6:.0f} µs per task")
    print(f"2 batched tasks: {batched * 1000:.0f} ms, {tiny / batched:.0f}x faster than one each")

# example: timing
# Output (your numbers will differ; the tests check these bounds on a 2-core machine):
#> 2000 squares
#> plain loop: {float} ms
#> 2000 tasks: {float} ms, {float>20} µs per task
#> 2 batched tasks: {float} ms, {float>3}x faster than one each
