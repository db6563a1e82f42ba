"""Oversubscription: BLAS threads times worker processes, measured side by side.

NumPy's matrix product runs in OpenBLAS, which keeps one thread per core in every process that
loads it. A pool of one worker per core then runs cores x cores threads on cores cores. Limiting
each worker to one BLAS thread (threadpoolctl, in the pool's initializer) removes the excess;
joblib's loky backend sets such a limit in its workers by itself.
"""

import os
import time
from concurrent.futures import ProcessPoolExecutor

from threadpoolctl import threadpool_info, threadpool_limits

WORKERS = getattr(os, "process_cpu_count", os.cpu_count)() or 1  # one process per core
TASKS = 4 * WORKERS
ROUNDS = 2  # each variant runs twice; the best time counts


def limit_blas(threads: int) -> None:
    """Pool initializer: cap the BLAS thread pool of this worker process."""
    import numpy  # noqa: F401  threadpoolctl limits only the libraries already loaded

    threadpool_limits(limits=threads, user_api="blas")


def job(seed: int) -> int:
    # NumPy is imported in the workers only: OpenBLAS starts its threads when it is loaded, and
    # a parent process that has threads must not fork (the fork start method would warn).
    import numpy as np

    a = np.random.default_rng(seed).random((300, 300))
    for _ in range(20):
        a = a @ a
        a /= np.abs(a).max()
    return max(p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas")


def with_pool(blas_threads: int | None) -> tuple[float, int]:
    setup = (limit_blas, (blas_threads,)) if blas_threads else (None, ())
    with ProcessPoolExecutor(WORKERS, initializer=setup[0], initargs=setup[1]) as pool:
        list(pool.map(job, range(WORKERS), timeout=120))  # start the workers, load NumPy
        start = time.perf_counter()
        threads = max(pool.map(job, range(TASKS), timeout=120))
        return time.perf_counter() - start, threads


def with_joblib(inner_threads: int | None) -> tuple[float, int]:
    from joblib import Parallel, delayed, parallel_config  # imports NumPy: after the pools forked

    with (
        parallel_config(backend="loky", inner_max_num_threads=inner_threads),
        Parallel(n_jobs=WORKERS, timeout=120) as parallel,
    ):
        parallel(delayed(job)(n) for n in range(WORKERS))  # start the workers, load NumPy
        start = time.perf_counter()
        threads = max(parallel(delayed(job)(n) for n in range(TASKS)))
        return time.perf_counter() - start, threads


def main() -> None:
    variants = {
        "pool, no limit": lambda: with_pool(None),
        "pool, threadpool_limits(1)": lambda: with_pool(1),
        f"joblib, inner_max_num_threads={WORKERS}": lambda: with_joblib(WORKERS),
        "joblib, its default": lambda: with_joblib(None),
    }
    runs: dict[str, list[tuple[float, int]]] = {name: [] for name in variants}
    names = list(variants)
    # Each pair alternates, so both of a pair see the same machine. joblib goes last: importing
    # it loads NumPy here, and a process with BLAS threads must not fork the pools' workers.
    for pair in (names[:2], names[2:]):
        for _ in range(ROUNDS):
            for name in pair:
                runs[name].append(variants[name]())
    best = {name: min(results) for name, results in runs.items()}  # the fastest round
    print(f"{WORKERS} worker processes, {TASKS} tasks of 20 matrix products each")
    for name, (seconds, threads) in best.items():
        print(f"{name}: {seconds:.2f} s, BLAS threads per worker: {threads}")
    pool = best[names[0]][0] / best[names[1]][0]
    print(f"pool: no limit takes {pool:.1f}x as long as the limit of 1")
    joblib = best[names[2]][0] / best[names[3]][0]
    print(f"joblib: {WORKERS} threads per worker take {joblib:.1f}x as long as its default")


if __name__ == "__main__":
    main()

# Output (timings vary; 2 cores, shared with other jobs):
# example: processes timing timeout=300
#> {int} worker processes, {int} tasks of 20 matrix products each
#> pool, no limit: {float} s, BLAS threads per worker: {int}
#> pool, threadpool_limits(1): {float} s, BLAS threads per worker: 1
#> joblib, inner_max_num_threads={int}: {float} s, BLAS threads per worker: {int}
#> joblib, its default: {float} s, BLAS threads per worker: 1
#> pool: no limit takes {float>=1.5}x as long as the limit of 1
#> joblib: {int} threads per worker take {float>=1.5}x as long as its default
