"""joblib in four lines: wrap the call in delayed(), hand the calls to Parallel(), get a list back."""

import os

from joblib import Parallel, delayed

from workloads import count_primes


def count_and_tell(limit: int) -> tuple[int, int]:
    return count_primes(limit), os.getpid()


if __name__ == "__main__":
    limits = [10_000, 20_000, 30_000, 40_000]

    # delayed(f)(x) does not call f: it records (f, args, kwargs) for Parallel to run later.
    results = Parallel(n_jobs=2)(delayed(count_and_tell)(limit) for limit in limits)
    print("primes:", [count for count, _ in results])  # in the order of the inputs
    print("ran in worker processes:", all(pid != os.getpid() for _, pid in results))

    # n_jobs=1 runs the very same code sequentially, in this process: handy for debugging.
    results = Parallel(n_jobs=1)(delayed(count_and_tell)(limit) for limit in limits)
    print("n_jobs=1 ran in the main process only:", {pid for _, pid in results} == {os.getpid()})

    # return_as="generator" hands each result over as soon as it (and those before it) are done.
    for limit, (count, _) in zip(
        limits,
        Parallel(n_jobs=2, return_as="generator")(delayed(count_and_tell)(n) for n in limits),
        strict=True,
    ):
        print(f"  below {limit:,}: {count}")

# Output:
#> primes: [1229, 2262, 3245, 4203]
#> ran in worker processes: True
#> n_jobs=1 ran in the main process only: True
#>   below 10,000: 1229
#>   below 20,000: 2262
#>   below 30,000: 3245
#>   below 40,000: 4203
