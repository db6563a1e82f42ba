"""Pitfall: Memory caches by arguments, so a cached function that reads a global goes stale."""

import tempfile

from joblib import Memory

from workloads import count_primes

LIMIT = 1_000  # a "setting" the function reads, instead of taking it as an argument


def count_below_limit() -> int:
    return count_primes(LIMIT)


def count_below(limit: int) -> int:
    return count_primes(limit)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="joblib-cache-") as cache_dir:
        memory = Memory(cache_dir, verbose=0)

        stale = memory.cache(count_below_limit)
        print("LIMIT=1000:", stale())
        LIMIT = 2_000
        print("the problem - LIMIT=2000:", stale(), "(the old answer, from the cache)")

        # Fix: everything the result depends on is an argument, so it is part of the cache key.
        fresh = memory.cache(count_below)
        print("the fix:", fresh(1_000), fresh(2_000))

# Output:
#> LIMIT=1000: 168
#> the problem - LIMIT=2000: 168 (the old answer, from the cache)
#> the fix: 168 303
