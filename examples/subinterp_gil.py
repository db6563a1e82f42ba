"""One GIL per interpreter, seen from the inside: how much CPU each thread gets per second.

Two threads each count primes, first both in this interpreter, then each in an interpreter of
its own. Every thread measures its own CPU time (time.thread_time) and its wall time: while
two threads take turns on one GIL, together they get at most one CPU second per second; with a
GIL each, both compute at once and get up to two on two free cores. When other programs load
the machine, both figures shrink, but the ratio between them stays well above 1.
"""

import os
import threading
import time
from functools import partial

try:
    from concurrent import interpreters  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport import interpreters

from workloads import CPU_LIMIT, count_primes

HERE = os.path.dirname(os.path.abspath(__file__))
ROUNDS = 3  # each thread counts the primes below CPU_LIMIT this many times

SETUP = """
try:
    from concurrent import interpreters
except ImportError:
    from interpreters_backport import interpreters
interpreters.create_queue  # loads the queue type in this interpreter
import sys
if examples_dir not in sys.path:  # run-time sys.path changes are not inherited
    sys.path.insert(0, examples_dir)

import time
from workloads import count_primes

def measured(limit, rounds):
    wall, cpu = time.perf_counter(), time.thread_time()
    for _ in range(rounds):
        count_primes(limit)
    return time.thread_time() - cpu, time.perf_counter() - wall
"""


def measured(limit: int, rounds: int) -> tuple[float, float]:  # the same, for this interpreter
    wall, cpu = time.perf_counter(), time.thread_time()
    for _ in range(rounds):
        count_primes(limit)
    return time.thread_time() - cpu, time.perf_counter() - wall


def in_parallel(calls) -> None:
    threads = [threading.Thread(target=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def cpu_per_second(results: list[tuple[float, float]]) -> float:
    """CPU seconds per wall second, summed over the threads: at most 1.0 under one GIL."""
    return sum(cpu / wall for cpu, wall in results)


def one_interpreter() -> float:
    results: list[tuple[float, float]] = []
    in_parallel([lambda: results.append(measured(CPU_LIMIT, ROUNDS))] * 2)
    return cpu_per_second(results)


queue = interpreters.create_queue()
workers = [interpreters.create() for _ in range(2)]
for interp in workers:
    interp.prepare_main(examples_dir=HERE, limit=CPU_LIMIT, rounds=ROUNDS)
    interp.exec(SETUP)
    interp.prepare_main(out=queue)


def two_interpreters() -> float:
    in_parallel([partial(interp.exec, "out.put(measured(limit, rounds))") for interp in workers])
    return cpu_per_second([queue.get(), queue.get()])


# Order A B B A, so that a change in the machine's load hits both variants alike.
runs = {"one": one_interpreter, "two": two_interpreters}
sums: dict[str, list[float]] = {"one": [], "two": []}
for name in ["one", "two", "two", "one"]:
    sums[name].append(runs[name]())
for interp in workers:
    interp.close()

one, two = (sum(sums[name]) / 2 for name in ("one", "two"))
print(f"2 threads in 1 interpreter:  {one:.2f} CPU seconds per second")
print(f"2 threads in 2 interpreters: {two:.2f} CPU seconds per second")
print(f"ratio: {two / one:.2f}")

# example: python>=3.13 timing
# Output (your numbers will differ; on an idle 2-core machine: about 1.0, 2.0 and 2.0):
#> 2 threads in 1 interpreter:  {float<1.15} CPU seconds per second
#> 2 threads in 2 interpreters: {float} CPU seconds per second
#> ratio: {float>1.3}
# Output on free-threaded builds (3.14t, 3.15t; no GIL to share, so 2 threads in 1 interpreter already get about 2.0, and the ratio is about 1):
#> 2 threads in 1 interpreter:  {float>1.3} CPU seconds per second
#> 2 threads in 2 interpreters: {float>1.3} CPU seconds per second
#> ratio: {float<1.3}
