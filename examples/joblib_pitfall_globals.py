"""Pitfall: a task that appends to a global list. With processes, the caller never sees it."""

from joblib import Parallel, delayed

from workloads import count_primes

found: list[int] = []


def record(limit: int) -> None:
    found.append(count_primes(limit))  # appends to the worker process's own copy of `found`


def compute(limit: int) -> int:
    return count_primes(limit)


if __name__ == "__main__":
    limits = [1_000, 2_000, 3_000]

    Parallel(n_jobs=2)(delayed(record)(n) for n in limits)
    print("the problem - list after loky:", found)

    # Fix: return the values; Parallel collects them, in order, in the caller.
    print("the fix - returned values:", Parallel(n_jobs=2)(delayed(compute)(n) for n in limits))

    # Shared memory on purpose: require="sharedmem" forces threads, so the one list is shared
    # (list.append is atomic; anything more needs a lock). Under the GIL this gives no CPU speedup.
    Parallel(n_jobs=2, require="sharedmem")(delayed(record)(n) for n in limits)
    print("with require='sharedmem':", sorted(found))

# Output:
#> the problem - list after loky: []
#> the fix - returned values: [168, 303, 430]
#> with require='sharedmem': [168, 303, 430]
