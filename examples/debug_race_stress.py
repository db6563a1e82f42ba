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


def stress(increment_once, runs: int) -> int:
    """How many of `runs` runs lost at least one update."""
    return sum(loses_updates(increment_once) for _ in range(runs))


RUNS = 100
default = sys.getswitchinterval()
try:
    hidden = stress(increment, RUNS)
    print(
        f"switch interval {default:g} s (the default), increment: lost updates in {hidden} of {RUNS} runs"
    )
    sys.setswitchinterval(1e-6)  # seconds a thread may keep the GIL while another waits for it
    found = stress(increment, RUNS)
    print(f"switch interval 1e-06 s, increment: lost updates in {found} of {RUNS} runs")
    locked = stress(locked_increment, RUNS)
    print(f"switch interval 1e-06 s, locked_increment: lost updates in {locked} of {RUNS} runs")
    print(f"the 1 µs interval found the race more often: {found > hidden}")
finally:
    sys.setswitchinterval(default)

# Output (how many runs lose updates varies; the ordering does not, on a GIL build):
#> switch interval 0.005 s (the default), increment: lost updates in {int>=0<=100} of 100 runs
#> switch interval 1e-06 s, increment: lost updates in {int>=1<=100} of 100 runs
#> switch interval 1e-06 s, locked_increment: lost updates in 0 of 100 runs
#> the 1 µs interval found the race more often: True
# Output on free-threaded builds (threads run at once, so the default interval finds it too):
#> switch interval 0.005 s (the default), increment: lost updates in {int>=1<=100} of 100 runs
#> switch interval 1e-06 s, increment: lost updates in {int>=1<=100} of 100 runs
#> switch interval 1e-06 s, locked_increment: lost updates in 0 of 100 runs
#> the 1 µs interval found the race more often: {...}
