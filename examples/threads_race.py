"""A lost update on a shared counter, forced to happen every time, then fixed with a Lock."""

import threading
import time
from collections.abc import Callable

N_THREADS = 2
INCREMENTS = 1000


class Counter:
    value = 0


def increment(counter: Counter, between: Callable[[], object]) -> None:
    current = counter.value  # 1. read
    between()  # 2. another thread may run here: a switch, a sleep, a log call...
    counter.value = current + 1  # 3. write back what we read, plus one


def run(worker: Callable[[Counter], None]) -> int:
    counter = Counter()

    def loop() -> None:
        for _ in range(INCREMENTS):
            worker(counter)

    threads = [threading.Thread(target=loop) for _ in range(N_THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counter.value


# The race, made deterministic: the barrier lets no thread write before every thread has read,
# so both read the same value and both write the same value + 1. One increment is lost per round.
barrier = threading.Barrier(N_THREADS)
lost = run(lambda counter: increment(counter, between=barrier.wait))
print(f"without a lock: {lost} (expected {N_THREADS * INCREMENTS})")

# The fix: read-modify-write under one lock. The thread still gives up the CPU between its
# read and its write (sleep(0)), but no other thread can enter the locked section meanwhile.
lock = threading.Lock()


def locked_increment(counter: Counter) -> None:
    with lock:
        increment(counter, between=lambda: time.sleep(0))


print(f"with a lock:    {run(locked_increment)} (expected {N_THREADS * INCREMENTS})")

# Output:
#> without a lock: 1000 (expected 2000)
#> with a lock:    2000 (expected 2000)
