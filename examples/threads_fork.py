"""Pitfall: fork() while another thread holds a lock; the child inherits it locked, forever.

Fix: do not fork a process that has threads; start processes with "spawn" or "forkserver".
"""

import multiprocessing
import os
import sys
import threading
import warnings

log_lock = threading.Lock()  # think of a logging handler's lock, or one inside a library


def write_log(message: str) -> str:
    with log_lock:
        return f"logged {message!r}"


def hold_the_lock(holding: threading.Event, release: threading.Event) -> None:
    with log_lock:  # a thread in the middle of writing a log line...
        holding.set()
        release.wait()


def fork_and_log() -> int:
    """Fork; in the child, try to log. Returns the child's exit status."""
    sys.stdout.flush()  # else the child would inherit, and print again, unflushed output
    pid = os.fork()
    if pid == 0:  # the child: a copy of the memory, but only of the thread that called fork()
        got_it = log_lock.acquire(timeout=1)  # a plain write_log() here would hang forever
        os._exit(0 if got_it else 1)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


if __name__ == "__main__":
    holding, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=hold_the_lock, args=(holding, release))
    holder.start()
    holding.wait()  # ...at the moment another thread forks
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        status = fork_and_log()
    print("forked child:", "got the lock" if status == 0 else "lock still held, would hang")
    # 3.12+ warns: "This process (pid=...) is multi-threaded, use of fork() may lead to
    # deadlocks in the child." A DeprecationWarning: hidden by default when a library forks.
    for warning in caught:
        print(f"fork() warned: {warning.category.__name__}: {warning.message}")
    if not caught:
        print("fork() warned: nothing (before 3.12)")

    # The fix: a fresh interpreter for the child ("spawn"; "forkserver" forks from a clean,
    # single-threaded server process). Its log_lock is a new, unlocked lock.
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        print("spawned child:", pool.apply(write_log, ("hello",)))
    release.set()
    holder.join()

# example: processes
# Output (the warning is new in 3.12):
#> forked child: lock still held, would hang
#> fork() warned: {...}
#> spawned child: logged 'hello'
