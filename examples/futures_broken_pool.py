"""One worker process dies: every pending future fails with BrokenProcessPool and the pool is dead."""

import os
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def job(n: int) -> int:
    if n == 3:
        os._exit(1)  # stands in for a segfault, the OOM killer or a C extension calling exit()
    time.sleep(0.3)  # long enough that the pool notices the dead worker before job 4 ends
    return n


def run(executor: ProcessPoolExecutor, items: range) -> None:
    """Submit every item, then collect each outcome: the job's value, or "broken". The pool can
    break while jobs are still being submitted, so submit() can raise BrokenProcessPool too."""
    futures: list[Future[int] | None] = []
    for n in items:
        try:
            futures.append(executor.submit(job, n))
        except BrokenProcessPool:
            futures.append(None)
    outcomes: list[int | str] = []
    for future in futures:
        try:
            outcomes.append("broken" if future is None else future.result(timeout=10))
        except BrokenProcessPool:
            outcomes.append("broken")
    print("outcomes:", outcomes)


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        run(executor, range(3))  # all fine
        run(executor, range(3, 8))  # job 3 kills its worker: the whole pool breaks
        try:
            executor.submit(job, 0)
        except BrokenProcessPool as exc:
            print("submit afterwards:", type(exc).__name__)

    # The fix: treat BrokenProcessPool as "this pool is gone", start a new pool, retry what failed.
    with ProcessPoolExecutor(max_workers=2) as executor:
        run(executor, range(4, 8))

# Output:
# example: processes
#> outcomes: [0, 1, 2]
#> outcomes: ['broken', 'broken', 'broken', 'broken', 'broken']
#> submit afterwards: BrokenProcessPool
#> outcomes: [4, 5, 6, 7]
