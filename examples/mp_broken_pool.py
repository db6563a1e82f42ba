"""Pitfall: a worker process dies (crash, os._exit, out-of-memory kill) in the middle of a task.

ProcessPoolExecutor notices and breaks: every unfinished future fails with BrokenProcessPool
and the executor refuses new work. multiprocessing.Pool replaces the dead worker but loses its
task, so waiting for that result without a timeout would hang for ever.
"""

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def risky(n: int) -> int:
    if n == 3:
        os._exit(1)  # stands for a segfault or the kernel's OOM killer: no exception, no cleanup
    time.sleep(0.05)
    return n * n


def run_batch(numbers: list[int]) -> tuple[dict[int, int], list[int]]:
    """Results of the tasks that finished, and the numbers whose task was lost."""
    results, lost = {}, []
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = {n: executor.submit(risky, n) for n in numbers}
        for n, future in futures.items():
            try:
                results[n] = future.result()
            except BrokenProcessPool as exc:
                lost.append(n)
                error = exc
        if lost:
            print("result():", error)
            try:
                executor.submit(risky, 0)
            except BrokenProcessPool as exc:
                print("submit() after the crash:", exc)
    return results, lost


def main() -> None:
    results, lost = run_batch(list(range(8)))
    print("a task lost with the crash:", 3 in lost, f"(lost {len(lost)} of 8)")

    # Recovery: rerun the lost tasks, one per fresh pool, so a crash takes only its own task.
    for n in lost:
        retried, failed = run_batch([n])
        results.update(retried)
        if failed:
            print(f"task {n} crashed its worker again: given up")
    print("results:", dict(sorted(results.items())))

    with multiprocessing.Pool(processes=2) as pool:
        pending = pool.map_async(risky, range(8))
        try:
            pending.get(timeout=3)  # without a timeout: waits for ever
        except multiprocessing.TimeoutError:
            print("Pool.map_async(...).get(timeout=3): TimeoutError, the lost task never returns")
    print("processes left:", multiprocessing.active_children())


if __name__ == "__main__":
    main()

# example: processes
#> result(): A process in the process pool was terminated abruptly while the future was running or pending.
#> submit() after the crash: A child process terminated abruptly, the process pool is not usable anymore
#> a task lost with the crash: True (lost {int>=1<=8} of 8)
#> result(): A process in the process pool was terminated abruptly while the future was running or pending.
#> submit() after the crash: A child process terminated abruptly, the process pool is not usable anymore
#> task 3 crashed its worker again: given up
#> results: {0: 0, 1: 1, 2: 4, 4: 16, 5: 25, 6: 36, 7: 49}
#> Pool.map_async(...).get(timeout=3): TimeoutError, the lost task never returns
#> processes left: []
