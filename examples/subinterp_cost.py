"""What an interpreter costs: start-up time, memory, and per-task overhead in a pool.

Memory is read from /proc (Linux): the resident size of the whole process before and after
creating the interpreters, divided by their number.
"""

import functools
import multiprocessing.resource_tracker
import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import get_context

try:
    from concurrent import interpreters
    from concurrent.futures import InterpreterPoolExecutor  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport import interpreters
    from interpreters_backport.concurrent.futures import InterpreterPoolExecutor

N, TASKS = 20, 2000
ROUNDS = 3  # new pools of each kind: the fastest first call is kept


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

    # A spawned worker needs the resource tracker process: start it now, not in the timing
    # (ensure_running() is multiprocessing's own, undocumented helper: used here for fair timing).
    multiprocessing.resource_tracker.ensure_running()
    executors = {
        "threads": ThreadPoolExecutor,
        "fork": functools.partial(ProcessPoolExecutor, mp_context=get_context("fork")),
        "spawn": functools.partial(ProcessPoolExecutor, mp_context=get_context("spawn")),
        "interpreters": InterpreterPoolExecutor,
    }
    first = {name: float("inf") for name in executors}
    per_task = {}
    # Each kind of pool ROUNDS times, interleaved (A B C D A B C D ...) so that a slow moment
    # hits every kind alike; a new pool each time, keeping the fastest first call.
    for round_ in range(ROUNDS):
        for name, executor in executors.items():
            with executor(max_workers=2) as pool:
                start = time.perf_counter()
                list(pool.map(abs, [-1, -2], timeout=60))  # the first calls start the workers
                first[name] = min(first[name], time.perf_counter() - start)
                if round_ == ROUNDS - 1:
                    start = time.perf_counter()
                    list(pool.map(abs, range(TASKS), timeout=60))  # tiny tasks: all overhead
                    per_task[name] = (time.perf_counter() - start) / TASKS
    for name in executors:
        print(
            f"{name:<12} first call {first[name] * 1000:.1f} ms, "
            f"then {per_task[name] * 1e6:.0f} µs per task"
        )
    # Measured side by side in this run: the ordering and the ratios hold where the absolute
    # times do not.
    pools = ("fork", "interpreters", "spawn")
    print(
        f"first call: interpreters / fork {first['interpreters'] / first['fork']:.2f}x, "
        f"spawn / interpreters {first['spawn'] / first['interpreters']:.2f}x"
    )
    print(
        "per task, against threads: "
        + ", ".join(f"{name} {per_task[name] / per_task['threads']:.0f}x" for name in pools)
    )


if __name__ == "__main__":
    main()

# example: processes timing python>=3.13
# Output (your numbers will differ; the tests check that interpreters start slower than fork and faster than spawn, and that each pool costs at least 2x a thread's per task):
#> create an interpreter: {float} ms, {float} MiB resident
#> threads      first call {float} ms, then {float} µs per task
#> fork         first call {float} ms, then {float} µs per task
#> spawn        first call {float} ms, then {float} µs per task
#> interpreters first call {float} ms, then {float} µs per task
#> first call: interpreters / fork {float>1}x, spawn / interpreters {float>1}x
#> per task, against threads: fork {float>=2}x, interpreters {float>=2}x, spawn {float>=2}x
