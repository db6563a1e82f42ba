"""What the GIL prevents, and what it does not.

It keeps each single operation on a built-in object intact: no append is ever lost.
It does not make a sequence of operations atomic: a check-then-act can still be interleaved.
Here the interleaving is forced with a barrier, so the bug shows on every run, on every build.
"""

from __future__ import annotations

import threading

# 1. Single operations are safe: 4 threads x 100_000 appends, none lost.
items: list[int] = []


def append_many() -> None:
    for i in range(100_000):
        items.append(i)


threads = [threading.Thread(target=append_many) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"appends: {len(items):,} of 400,000")

# 2. Check-then-act is not: two withdrawals of 100 from a balance of 100.
balance = 100
both_checked = threading.Barrier(2)


def withdraw(amount: int, lock: threading.Lock | None) -> None:
    global balance
    if lock is None:
        if balance >= amount:  # check ...
            both_checked.wait()  # (force the other thread to check too, before anyone acts)
            balance -= amount  # ... then act
        return
    with lock:  # the fix: check and act as one step
        if balance >= amount:
            balance -= amount


for lock in (None, threading.Lock()):
    balance = 100
    pair = [threading.Thread(target=withdraw, args=(100, lock)) for _ in range(2)]
    for t in pair:
        t.start()
    for t in pair:
        t.join()
    print(f"{'with' if lock else 'without'} a lock, balance after two withdrawals: {balance}")

# Output:
#> appends: 400,000 of 400,000
#> without a lock, balance after two withdrawals: -100
#> with a lock, balance after two withdrawals: 0
