"""dask.delayed: calls build a task graph first; compute() runs it, in parallel where it can."""

import dask
from dask import delayed

from workloads import count_primes


@delayed
def count(limit: int) -> int:
    return count_primes(limit)


@delayed
def total(counts: list[int]) -> int:
    return sum(counts)


if __name__ == "__main__":
    counts = [count(limit) for limit in (10_000, 20_000, 30_000, 40_000)]
    result = total(counts)  # nothing has run yet
    print(type(result).__name__, "with", len(result.dask), "tasks in its graph")

    # Without a dask.distributed Client, delayed uses a thread pool in this process: fine for
    # code that waits or releases the GIL, no speedup for pure-Python computing.
    print("threads:", result.compute())
    # "sync" runs every task in this thread, one at a time: the mode for pdb and print().
    print("sync:", result.compute(scheduler="sync"))
    # compute() of several results shares the work they have in common.
    print("both:", dask.compute(result, counts[0]))
    # With a Client (see dask_cluster.py), the same compute() runs on the cluster's workers.

# Output:
#> Delayed with 5 tasks in its graph
#> threads: 10939
#> sync: 10939
#> both: (10939, 1229)
