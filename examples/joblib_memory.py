"""joblib.Memory: cache a function's results on disk, keyed by its arguments and its code."""

import tempfile
import time

from joblib import Memory, Parallel, delayed

from workloads import count_primes

calls = 0  # counts real executions in this process


def slow_count(limit: int) -> int:
    global calls
    calls += 1
    return count_primes(limit)


if __name__ == "__main__":
    # A real project points `location` at a lasting folder (e.g. ".cache/joblib");
    # the example uses a temporary one, removed with everything in it at the end of the block.
    with tempfile.TemporaryDirectory(prefix="joblib-cache-") as cache_dir:
        memory = Memory(cache_dir, verbose=0)
        cached_count = memory.cache(slow_count)

        start = time.perf_counter()
        first = cached_count(120_000)
        computed = time.perf_counter() - start

        start = time.perf_counter()
        second = cached_count(120_000)  # same argument: read back from the cache folder
        cached = time.perf_counter() - start

        print(f"results: {first} {second}, real calls: {calls}")
        print(f"computed in {computed:.3f} s, read from the cache in {cached:.3f} s")
        print("in the cache:", cached_count.check_call_in_cache(120_000))

        cached_count(50_000)  # a new argument is computed (and stored)
        print("real calls after a new argument:", calls)

        # The cache is on disk, so worker processes share it: these two are hits, the third not.
        counts = Parallel(n_jobs=2)(delayed(cached_count)(n) for n in [120_000, 50_000, 10_000])
        print("from workers:", counts)
        print("cached by a worker, seen here:", cached_count.check_call_in_cache(10_000))

        memory.clear(warn=False)
        print("after clear():", cached_count.check_call_in_cache(120_000))

# Output (your numbers will differ):
#> results: 11301 11301, real calls: 1
#> computed in {float} s, read from the cache in {float<0.1} s
#> in the cache: True
#> real calls after a new argument: 2
#> from workers: [11301, 5133, 1229]
#> cached by a worker, seen here: True
#> after clear(): False
