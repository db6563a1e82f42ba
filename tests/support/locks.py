"""The locks the run's xdist workers share (files in the run's own temporary folder)."""

from __future__ import annotations

import contextlib
import fcntl
import time
from pathlib import Path

LOCK_WAIT = 1800  # seconds: a lock held longer than this is a bug (a hang), not a queue


def flock(file, mode: int, what: str) -> None:
    """flock(2) with a deadline: waits are not part of a test's own timeout
    (`timeout_func_only`), so a lock that is never released must fail here, by name."""
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            fcntl.flock(file, mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what} not free after {LOCK_WAIT} s") from None
            time.sleep(0.05)


@contextlib.contextmanager
def run_lock(lock_dir: Path, exclusive: bool):
    """A readers-writer lock across xdist workers: timing tests run alone, others side by side.

    The turnstile stops a stream of shared holders from starving an exclusive one.
    """
    with (
        open(lock_dir / "turnstile.lock", "a") as turnstile,
        open(lock_dir / "run.lock", "a") as run,
    ):
        flock(turnstile, fcntl.LOCK_EX, "the run lock's turnstile")
        try:
            flock(run, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH, "the run lock")
        finally:
            fcntl.flock(turnstile, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(run, fcntl.LOCK_UN)
