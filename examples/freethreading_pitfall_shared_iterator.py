"""Pitfall: two threads pulling from one iterator.

A generator runs one caller at a time: a second thread that calls next() while the first is
inside it gets ValueError on every build. Other iterators shared between threads can hand out
an item twice or skip one on a free-threaded build. The fix: hand items out under a lock
(or put them on a queue.Queue).
"""

import sys
import threading

# The pitfall, made certain: thread A is paused inside the generator when B calls next().
inside, release = threading.Event(), threading.Event()


def numbers():
    for i in range(3):
        inside.set()
        release.wait()  # A waits here, in the middle of next()
        yield i


shared = numbers()
outcomes: list[str] = []


def take(name: str) -> None:
    try:
        outcomes.append(f"{name} got {next(shared)}")
    except ValueError as exc:
        outcomes.append(f"{name}: ValueError: {exc}")


a = threading.Thread(target=take, args=("A",))
a.start()
inside.wait()
b = threading.Thread(target=take, args=("B",))
b.start()
b.join()  # B fails at once
release.set()
a.join()
print(*outcomes, sep="\n")


# The fix: one lock around next(), so one thread at a time advances the iterator.
class LockedIterator:
    def __init__(self, iterable) -> None:
        self._iterator = iter(iterable)
        self._lock = threading.Lock()

    def __iter__(self):
        return self

    def __next__(self):
        with self._lock:
            return next(self._iterator)


N = 20_000
shared_items = LockedIterator(i for i in range(N))
taken: list[list[int]] = [[] for _ in range(4)]


def drain(mine: list[int]) -> None:
    for item in shared_items:  # each thread appends only to its own list
        mine.append(item)


previous = sys.getswitchinterval()
sys.setswitchinterval(1e-6)  # stress: switch threads as often as possible
try:
    threads = [threading.Thread(target=drain, args=(mine,)) for mine in taken]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
finally:
    sys.setswitchinterval(previous)
everything = sorted(item for mine in taken for item in mine)
print(
    f"4 threads, one locked iterator: {len(everything)} items, each once: {everything == list(range(N))}"
)

# Output:
#> B: ValueError: generator already executing
#> A got 0
#> 4 threads, one locked iterator: 20000 items, each once: True
