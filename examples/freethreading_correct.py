"""Thread code that is correct with or without the GIL: three patterns, under stress.

sys.setswitchinterval(1e-6) makes a GIL build switch threads as often as it can, so that
interleavings a free-threaded build produces all the time show up here too. Each correct
pattern keeps every read-modify-write under a lock or inside a single thread.
"""

import queue
import sys
import threading
from collections import Counter

from workloads import CPU_LIMIT, count_primes

THREADS, ROUNDS = 4, 20_000
WORDS = ["spam", "eggs", "ham", "spam"]
EXPECTED = THREADS * ROUNDS * len(WORDS)


def run_threads(target, *args) -> None:
    threads = [threading.Thread(target=target, args=(n, *args)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


# 0. Wrong: an unprotected read-modify-write on shared state.
def count_unsafely(n: int, counts: Counter) -> None:
    for _ in range(ROUNDS):
        for word in WORDS:
            counts[word] += 1  # another thread may write between this read and this write


# 0b. The same bug with a call between the read and the write: a GIL build may switch there.
def count_unsafely_with_call(n: int, counts: Counter) -> None:
    for _ in range(ROUNDS):
        for word in WORDS:
            counts[word] = counts.get(word, 0) + 1


# 1. Shared state behind a lock: `counts[word] += 1` is a read, an add and a write.
def count_with_lock(n: int, counts: Counter, lock: threading.Lock) -> None:
    for _ in range(ROUNDS):
        for word in WORDS:
            with lock:
                counts[word] += 1


# 2. One owner: workers send their partial counts, one thread (here the main one) combines.
def count_to_queue(n: int, results: queue.Queue) -> None:
    mine = Counter()
    for _ in range(ROUNDS):
        mine.update(WORDS)
    results.put(mine)


# 3. Nothing shared while working: each thread fills its own slot, combined after join().
def count_primes_slice(n: int, slots: list) -> None:
    step = CPU_LIMIT // THREADS
    slots[n] = count_primes(min(CPU_LIMIT, (n + 1) * step), start=n * step)


previous = sys.getswitchinterval()
sys.setswitchinterval(1e-6)  # stress: switch threads every microsecond
try:
    counts = Counter()
    run_threads(count_unsafely, counts)
    print(f"no lock, +=:    {counts.total()} of {EXPECTED} counted")

    counts = Counter()
    run_threads(count_unsafely_with_call, counts)
    print(f"no lock, get(): {counts.total()} of {EXPECTED} counted")

    counts, lock = Counter(), threading.Lock()
    run_threads(count_with_lock, counts, lock)
    print(f"lock:           {counts.total()} of {EXPECTED} counted, {dict(counts)}")

    results: queue.Queue = queue.Queue()
    run_threads(count_to_queue, results)
    combined = sum((results.get() for _ in range(THREADS)), Counter())
    print(f"queue:          {combined.total()} of {EXPECTED} counted, {dict(combined)}")

    slots = [0] * THREADS
    run_threads(count_primes_slice, slots)
    print(
        f"own slots:      {sum(slots)} primes below {CPU_LIMIT} (one thread: {count_primes(CPU_LIMIT)})"
    )
finally:
    sys.setswitchinterval(previous)

# Output (the second line loses updates on every build; the last three are exact on every build):
#> no lock, +=:    {int<=320000} of 320000 counted
#> no lock, get(): {int<320000} of 320000 counted
#> lock:           320000 of 320000 counted, {'spam': 160000, 'eggs': 80000, 'ham': 80000}
#> queue:          320000 of 320000 counted, {'spam': 160000, 'eggs': 80000, 'ham': 80000}
#> own slots:      11301 primes below 120000 (one thread: 11301)
# Output on free-threaded builds (threads run at once: both unprotected lines lose updates):
#> no lock, +=:    {int<320000} of 320000 counted
#> no lock, get(): {int<320000} of 320000 counted
#> lock:           320000 of 320000 counted, {'spam': 160000, 'eggs': 80000, 'ham': 80000}
#> queue:          320000 of 320000 counted, {'spam': 160000, 'eggs': 80000, 'ham': 80000}
#> own slots:      11301 primes below 120000 (one thread: 11301)
