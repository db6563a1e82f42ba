"""Find a race with a stress loop: run the racy code again and again, and make thread switches
far more frequent with sys.setswitchinterval() so that the bad interleaving shows up sooner.

The bug is the one of threads_race.py (read, do something, write back), this time without
the barrier that forces the bad interleaving there: only the scheduler decides.
"""

import sys
import threading

N_THREADS = 2
INCREMENTS = 10_000


class Counter:
    value = 0


def audit(value: int) -> None:
    """Any call between the read and the write: logging, validation, a metric..."""


def increment(counter: Counter) -> None:
    current = counter.value
    audit(current)  # a thread switch can happen here
    counter.value = current + 1


lock = threading.Lock()


def locked_increment(counter: Counter) -> None:
    with lock:  # FIX
        increment(counter)


def loses_updates(increment_once) -> bool:
    counter = Counter()

    def loop() -> None:
        for _ in range(INCREMENTS):
            increment_once(counter)

    threads = [threading.Thread(target=loop) for _ in range(N_THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counter.value != N_THREADS * INCREMENTS


def stress(increment_once, max_runs: int) -> str:
    for run in range(1, max_runs + 1):
        if loses_updates(increment_once):
            return f"lost updates in run {run}"
    return f"no lost update in {max_runs} runs"


default = sys.getswitchinterval()
print(f"switch interval {default:g} s (the default), increment: {stress(increment, 100)}")
sys.setswitchinterval(1e-6)  # seconds a thread may keep the GIL while another waits for it
print(f"switch interval 1e-06 s, increment: {stress(increment, 1000)}")
print(f"switch interval 1e-06 s, locked_increment: {stress(locked_increment, 100)}")
sys.setswitchinterval(default)

# Output (which run finds the race varies):
#> switch interval 0.005 s (the default), increment: {...}
#> switch interval 1e-06 s, increment: lost updates in run {int}
#> switch interval 1e-06 s, locked_increment: no lost update in 100 runs
