"""What an interpreter costs: start-up time, memory, and per-task overhead in a pool.

Memory is read from /proc (Linux): the resident size of the whole process before and after
creating the interpreters, divided by their number.
"""

import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

try:
    from concurrent import interpreters
    from concurrent.futures import InterpreterPoolExecutor  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport import interpreters
    from interpreters_backport.concurrent.futures import InterpreterPoolExecutor

N, TASKS = 20, 2000


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def main() -> None:
    before, start = resident_bytes(), time.perf_counter()
    created = [interpreters.create() for _ in range(N)]
    per_interp = (time.perf_counter() - start) / N
    memory = (resident_bytes() - before) / N
    for interp in created:
        interp.close()
    print(f"create an interpreter: {per_interp * 1000:.1f} ms, {memory / 2**20:.1f} MiB resident")

    per_task = {}
    for name, executor in [
        ("threads", ThreadPoolExecutor),
        ("processes", ProcessPoolExecutor),
        ("interpreters", InterpreterPoolExecutor),
    ]:
        with executor(max_workers=2) as pool:
            start = time.perf_counter()
            list(pool.map(abs, [-1, -2]))  # the first calls start the workers
            first = time.perf_counter() - start
            start = time.perf_counter()
            list(pool.map(abs, range(TASKS)))  # tiny tasks: the time is all overhead
            per_task[name] = (time.perf_counter() - start) / TASKS
        print(
            f"{name:<12} first call {first * 1000:.1f} ms, "
            f"then {per_task[name] * 1e6:.0f} µs per task"
        )
    # Measured side by side in this run: the ratios hold where the absolute times do not.
    print(
        f"per task, against threads: interpreters {per_task['interpreters'] / per_task['threads']:.0f}x, "
        f"processes {per_task['processes'] / per_task['threads']:.0f}x"
    )


if __name__ == "__main__":
    main()

# example: processes timing python>=3.13
# Output (your numbers will differ; the tests check that each pool costs at least 2x a thread's per task):
#> create an interpreter: {float} ms, {float} MiB resident
#> threads      first call {float} ms, then {float} µs per task
#> processes    first call {float} ms, then {float} µs per task
#> interpreters first call {float} ms, then {float} µs per task
#> per task, against threads: interpreters {float>=2}x, processes {float>=2}x
