"""InterpreterPoolExecutor: the executor API, each worker thread running its own interpreter."""

import os
import site
import threading
from concurrent.futures import as_completed

try:
    from concurrent.futures import InterpreterPoolExecutor  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport.concurrent.futures import InterpreterPoolExecutor

from workloads import count_primes

HERE = os.path.dirname(os.path.abspath(__file__))

# Tasks and their arguments are pickled, so the function must be importable by name in the
# worker interpreter (here workloads.count_primes). The initializer makes sure that the worker
# can find workloads.py even if this folder reached sys.path only at run time.
with InterpreterPoolExecutor(max_workers=2, initializer=site.addsitedir, initargs=(HERE,)) as pool:
    print("map:", list(pool.map(count_primes, [10, 100, 1000])))

    futures = {pool.submit(count_primes, limit): limit for limit in (20_000, 10, 5_000)}
    for future in as_completed(futures):
        print(f"count_primes({futures[future]}) -> {future.result()}")
    print(f"threads while the pool is open: {threading.active_count()}")
# leaving the block = shutdown(wait=True): threads joined, worker interpreters closed
print(f"threads after the block: {threading.active_count()}")

# example: python>=3.13
# Output:
#> map: [4, 25, 168]
#? count_primes(20000) -> 2262
#? count_primes(10) -> 4
#? count_primes(5000) -> 669
#> threads while the pool is open: {int>=2<=3}
#> threads after the block: 1
