"""Shared test machinery: no leaked processes, exclusive runs for timing tests, a proof summary."""

from __future__ import annotations

import collections
import contextlib
import fcntl
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "exclusive: measures speed, so no other test may run at the same time"
    )


@pytest.fixture(scope="session")
def lock_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The parent of basetemp is shared by all pytest-xdist workers of one run.
    return tmp_path_factory.getbasetemp().parent


@contextlib.contextmanager
def run_lock(lock_dir: Path, exclusive: bool):
    """A readers-writer lock across xdist workers: timing tests run alone, others side by side.

    The turnstile stops a stream of shared holders from starving an exclusive one.
    """
    with (
        open(lock_dir / "turnstile.lock", "a") as turnstile,
        open(lock_dir / "run.lock", "a") as run,
    ):
        fcntl.flock(turnstile, fcntl.LOCK_EX)
        try:
            fcntl.flock(run, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        finally:
            fcntl.flock(turnstile, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(run, fcntl.LOCK_UN)


@pytest.fixture(autouse=True)
def _no_leftover_children(request: pytest.FixtureRequest, lock_dir: Path):
    """Run the test under the shared/exclusive lock, then fail it if it left a child process."""
    me = psutil.Process()
    before = {p.pid for p in me.children(recursive=True)}
    with run_lock(lock_dir, exclusive=request.node.get_closest_marker("exclusive") is not None):
        yield
    deadline = time.monotonic() + 5
    while True:
        left = [p for p in me.children(recursive=True) if p.pid not in before]
        left = [p for p in left if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    for p in left:
        with contextlib.suppress(psutil.Error):
            p.kill()
    assert not left, f"test left child processes behind: {[p.cmdline() for p in left]}"


@pytest.fixture
def proof(record_property):
    """Record what kind of proof a test gives, for the summary at the end of the run."""

    def record(kind: str, detail: str = "") -> None:
        record_property("proof", (kind, detail))

    return record


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for outcome in ("passed", "failed", "skipped", "error"):
        for report in terminalreporter.stats.get(outcome, []):
            if getattr(report, "when", "call") != "call" and outcome != "skipped":
                continue
            for name, value in getattr(report, "user_properties", []):
                if name == "proof":
                    kind, detail = value
                    counts[kind][outcome] += 1
                    if detail:
                        counts[f"{kind} / {detail}"][outcome] += 1
    if not counts:
        return
    terminalreporter.section("what was executed")
    for kind in sorted(counts):
        c = counts[kind]
        parts = [f"{c[o]} {o}" for o in ("passed", "failed", "skipped", "error") if c[o]]
        terminalreporter.write_line(f"{kind:<48} {', '.join(parts)}")
