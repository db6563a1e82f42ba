"""Pitfall: fork() while another thread holds a lock. The child gets the lock, held, forever.

fork copies the memory of the whole process but only the thread that called it. A lock that
another thread held at that instant is copied in its locked state, and no thread in the child
will ever release it. Real programs hit this with locks inside logging, I/O or C libraries.
"""

import multiprocessing
import threading
import warnings

LOCK = threading.Lock()  # stands for any lock: logging's, a buffered file's, a C library's


def use_the_lock() -> None:  # runs in the child
    acquired = LOCK.acquire(timeout=1)  # without a timeout this child would hang for ever
    raise SystemExit(0 if acquired else 1)


def hold_the_lock(locked: threading.Event, done: threading.Event) -> None:
    with LOCK:
        locked.set()
        done.wait()


def start_child(method: str) -> tuple[int, list[warnings.WarningMessage]]:
    context = multiprocessing.get_context(method)  # explicit: the default does not matter
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        child = context.Process(target=use_the_lock)
        child.start()
    child.join()
    return child.exitcode, caught


def main() -> None:
    locked, done = threading.Event(), threading.Event()
    holder = threading.Thread(target=hold_the_lock, args=(locked, done))
    holder.start()
    locked.wait()  # another thread now holds LOCK
    try:
        exitcode, caught = start_child("fork")
        print("fork : child got the lock:", exitcode == 0)
        message = str(caught[0].message) if caught else "none before Python 3.12"
        print("fork : warning:", message)
        exitcode, caught = start_child("spawn")  # the fix: a fresh interpreter
        print("spawn: child got the lock:", exitcode == 0)
        print("spawn: warnings:", len(caught))
    finally:
        done.set()
        holder.join()


if __name__ == "__main__":
    main()

# 3.12+ warns: "This process (pid=...) is multi-threaded, use of fork() may lead to deadlocks
# in the child."
# example: processes
#> fork : child got the lock: False
#> fork : warning: {...}
#> spawn: child got the lock: True
#> spawn: warnings: 0
