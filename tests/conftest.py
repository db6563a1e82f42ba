"""Shared test machinery: no leaked processes, exclusive runs for timing tests, a proof summary."""

from __future__ import annotations

import collections
import contextlib
import fcntl
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.support.locks import flock, run_lock

ROOT = Path(__file__).resolve().parent.parent
# The browser tests' fixtures (the served site, one Chromium per worker), defined once for the run.
pytest_plugins = ("tests.support.browser",)


# One marker per kind of proof, so that a developer can run one kind alone (`pytest -m docs`).
KINDS = {
    "examples": "every example run as a reader runs it (tests/test_examples.py)",
    "lint": "ruff lint and format of examples, tests and hooks",
    "records": "the recorded output each page shows is current and matches its example",
    "docs": "the fenced Python blocks of the pages (tests/test_docs_blocks.py)",
    "site": "the built site: strict build, links, nothing from other hosts (tests/test_site.py)",
    "browser": "the in-browser runner in Chromium (tests/test_browser*.py)",
    "clusters": "Dask and Ray examples against real clusters (tests/test_clusters.py)",
    "bench": "the benchmark harness (tests/test_benchmarks.py)",
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "exclusive: measures speed, so no other test may run at the same time"
    )
    for name, what in KINDS.items():
        config.addinivalue_line("markers", f"{name}: {what}")


@pytest.fixture(scope="session")
def lock_dir(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    # Under pytest-xdist, the parent of a worker's basetemp is the run's own folder, shared by its
    # workers; without xdist ("master"), basetemp is that folder (its parent outlives the run).
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the xdist_group marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The order that makes the run short. pytest-xdist (--dist loadgroup) hands out work in
    collection order, and runs an `xdist_group` as one unit, on one worker, start to end.

    1. The browser tests, as one group: one Chromium at a time, so they are one chain, the run's
       longest; started first, they run beside everything else.
    2. Everything else, side by side on the other workers.
    3. The exclusive tests (timing), last, one after another, each with the machine to itself
       (the run lock); a browser test that is exclusive leaves the group for this.
    """

    def rank(item: pytest.Item) -> int:
        if item.get_closest_marker("exclusive"):
            return 2
        return 0 if item.get_closest_marker("browser") else 1

    for item in items:
        if rank(item) == 0:
            item.add_marker(pytest.mark.xdist_group("browser"))
    items.sort(key=rank)


@pytest.fixture(scope="session")
def built_site(lock_dir: Path) -> dict:
    """The site, built once per test run with `mkdocs build --strict` and notebooks executed
    (an empty notebook cache), shared by every xdist worker: the first one to ask builds it.
    With TESTED_SITE_DIR set (CI), the build goes there: the deploy publishes what was tested."""
    out = lock_dir / "built-site"
    site_dir = Path(os.environ.get("TESTED_SITE_DIR") or out / "site")
    with open(lock_dir / "built-site.lock", "a") as lock:
        flock(lock, fcntl.LOCK_EX, "the site build")
        try:
            if not (out / "build.json").exists():
                out.mkdir(exist_ok=True)
                env = dict(os.environ, NO_MKDOCS_2_WARNING="1", JUPYTER_CACHE_DIR=str(out / "nb"))
                started = time.monotonic()
                with run_lock(lock_dir, exclusive=False):  # not while a timing test runs
                    result = subprocess.run(
                        [sys.executable, "-m", "mkdocs", "build", "--strict"]
                        + ["--site-dir", str(site_dir)],
                        check=False,
                        cwd=ROOT,
                        env=env,
                        capture_output=True,
                        text=True,
                        timeout=600,
                    )
                build = {
                    "returncode": result.returncode,
                    "seconds": time.monotonic() - started,
                    "log": result.stdout + result.stderr,
                }
                (out / "build.json").write_text(json.dumps(build))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    build = json.loads((out / "build.json").read_text())
    return build | {"dir": site_dir}


@pytest.fixture(autouse=True)
def _no_leftover_children(request: pytest.FixtureRequest, lock_dir: Path):
    """Run the test under the shared/exclusive lock, then fail it if it left a child process."""
    me = psutil.Process()
    before = {p.pid for p in me.children(recursive=True)}
    with run_lock(lock_dir, exclusive=request.node.get_closest_marker("exclusive") is not None):
        yield
    deadline = time.monotonic() + 5
    while True:
        left = strays(me, before)
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    for p in left:
        with contextlib.suppress(psutil.Error):
            p.kill()
    assert not left, f"test left child processes behind: {[p.cmdline() for p in left]}"


def strays(me: psutil.Process, before: set[int]) -> list[psutil.Process]:
    """The processes the test started and left running: new ones whose parent is this worker or
    another new one. New children of a process that outlives tests (the worker's Chromium opens a
    renderer per tab) are that process's own business."""
    new = {}
    for p in me.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if p.pid not in before and p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                new[p.pid] = p
    found = []
    for p in new.values():
        with contextlib.suppress(psutil.Error):
            if p.ppid() == me.pid or p.ppid() in new:
                found.append(p)
    return found


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
    summary = ["| what was executed | passed | failed | skipped |", "|---|---|---|---|"]
    for kind in sorted(counts):
        c = counts[kind]
        parts = [f"{c[o]} {o}" for o in ("passed", "failed", "skipped", "error") if c[o]]
        terminalreporter.write_line(f"{kind:<48} {', '.join(parts)}")
        summary.append(f"| {kind} | {c['passed']} | {c['failed'] + c['error']} | {c['skipped']} |")
    headline, tables = where_the_time_went(terminalreporter)
    for line in headline:
        terminalreporter.write_line(line)
    for line in tables[: tables.index("")]:  # the table per module
        terminalreporter.write_line(line)
    (ROOT / "test-summary.md").write_text("\n".join([*summary, "", *headline, "", *tables]) + "\n")


def where_the_time_went(terminalreporter) -> tuple[list[str], list[str]]:
    """Where to look first when the suite gets slower. The headline: the run's wall time, its
    example runs' wall and CPU time, the exclusive tests' time with the machine alone. Then
    tables: test time (setup + call + teardown) per module, the slowest tests, the example runs
    using the most CPU. Tests run side by side, so the sums exceed the wall time."""
    per_test: collections.Counter = collections.Counter()
    cpu: collections.Counter = collections.Counter()  # example test id -> CPU s of its runs
    runs = []  # (wall, CPU) seconds of each example run (tests/test_examples.py)
    alone = []  # seconds of each exclusive test's call
    for reports in terminalreporter.stats.values():
        for report in reports:
            if not (getattr(report, "nodeid", None) and hasattr(report, "duration")):
                continue
            per_test[report.nodeid] += report.duration
            if report.when != "call":
                continue
            if "exclusive" in report.keywords:
                alone.append(report.duration)
            for name, value in report.user_properties:
                if name == "example_run":
                    runs.append(value)
                    cpu[report.nodeid.partition("[")[2].rstrip("]")] += value[1]
    headline = [f"wall time of the run: {terminalreporter._session_start.elapsed().seconds:.0f} s"]
    if runs:
        # CPU time: the program and every process it waited for (RUSAGE_CHILDREN of the worker).
        headline.append(
            f"example runs: {len(runs)}, {sum(r[0] for r in runs):.0f} s of wall time and"
            f" {sum(r[1] for r in runs):.0f} s of CPU time in all"
        )
    if alone:
        headline.append(
            f"exclusive (timing) tests: {len(alone)}, {sum(alone):.0f} s with the machine alone"
        )
    per_module: collections.Counter = collections.Counter()
    for nodeid, seconds in per_test.items():
        per_module[nodeid.split("::")[0]] += seconds
    tables = ["| module | test time (s) |", "|---|---|"]
    tables += [f"| {module} | {seconds:.0f} |" for module, seconds in per_module.most_common()]
    tables += ["", "| slowest tests | s |", "|---|---|"]
    tables += [f"| {nodeid} | {seconds:.1f} |" for nodeid, seconds in per_test.most_common(15)]
    tables += ["", "| example runs using the most CPU | CPU s |", "|---|---|"]
    tables += [f"| {test_id} | {seconds:.1f} |" for test_id, seconds in cpu.most_common(25)]
    return headline, tables
