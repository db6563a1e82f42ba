"""The Dask and Ray examples, run against real clusters made of separate processes.

tests/test_examples.py runs examples/dask_cluster.py and examples/ray_cluster.py as they stand: each
starts a private cluster inside its own run. Here the tests first start a cluster the way an
operator would, with the projects' own command-line tools (`dask scheduler` + two `dask worker`
processes; `ray start --head`), then run the very same script with the cluster's address in the
environment variable it reads (DASK_SCHEDULER_ADDRESS, RAY_ADDRESS). Its output must match the same
`#>` lines as in test_examples.py, with the "running on:" line naming that variable. Their shape
only: the timing bounds are proven by test_examples.py's bounded run, which has the machine to
itself, while here a scheduler, nannies or raylets share the two cores with the example (a run on
CI measured a 1.13x speed-up there against the 1.3x the page claims for the example alone).

Every cluster process is started in a session of its own; afterwards the whole session is
killed, even when the test failed, and the test fails if any of it survives.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from tests.support.examples import (
    EXAMPLES_DIR,
    ROOT,
    Example,
    clean_env,
    find_python,
    load,
    run,
    session_members,
    write_bundle,
)

# The cluster tests start a dozen processes each: one CPython is enough to prove the point.
VERSION = "3.13"
PYTHON = find_python(VERSION)
BIN = Path(PYTHON).parent if PYTHON else Path()
pytestmark = pytest.mark.clusters


def base_env(**extra: str) -> dict[str, str]:
    """The environment test_examples.py gives an example, plus `extra`."""
    return clean_env(**extra)


class Processes:
    """Starts programs, each in a new session, and kills every member of those sessions."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.started: list[subprocess.Popen] = []

    def start(self, name: str, command: list[str], env: dict[str, str]) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()  # the child has its own copy
        self.started.append(process)
        return process

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(errors="replace")

    def members(self) -> list[psutil.Process]:
        return [p for started in self.started for p in session_members(started.pid)]

    def stop(self) -> list[str]:
        """SIGTERM, then SIGKILL after 3 s, to every session member; what survived, if any."""
        for sig, grace in ((signal.SIGTERM, 3), (signal.SIGKILL, 5)):
            for p in self.members():
                with contextlib.suppress(psutil.Error):
                    p.send_signal(sig)
            deadline = time.monotonic() + grace
            while self.members() and time.monotonic() < deadline:
                time.sleep(0.1)
            if not self.members():
                break
        for process in self.started:  # reap the ones that are our children
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
        return [" ".join(p.cmdline()) for p in self.members()]


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Processes]:
    started = Processes(tmp_path)
    try:
        yield started
    finally:
        survivors = started.stop()
    assert not survivors, f"cluster processes survived the test: {survivors}"


def run_example(name: str, env: dict[str, str]) -> tuple[Example, list[str]]:
    """Run examples/<name> exactly as test_examples.py does (its bundle in an empty folder)."""
    assert PYTHON, f"needs the examples environment .venv/examples-{VERSION} (make setup)"
    example = load(EXAMPLES_DIR / name)
    result = run(example, PYTHON, env=env)
    problems = result.problems(example, check_bounds=False)
    assert not problems, "\n".join(problems) + "\n--- full stdout ---\n" + "\n".join(result.stdout)
    return example, result.stdout


def check_output(example: Example, actual: list[str], variable: str) -> None:
    assert f"running on: the cluster at {variable}" in actual, actual


def wait_for(what: str, ready, timeout: float, processes: Processes) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        dead = [p.args for p in processes.started if p.poll() not in (None, 0)]
        assert not dead, f"a cluster process died while waiting for {what}: {dead}"
        assert time.monotonic() < deadline, f"no {what} after {timeout} s"
        time.sleep(0.2)


@pytest.mark.exclusive  # a dozen processes: alone, their start-up stays well within its timeouts
def test_dask_example_on_a_real_cluster(processes: Processes, tmp_path: Path, proof) -> None:
    proof("example run against a real cluster", "dask")
    scheduler_file = tmp_path / "scheduler.json"
    # The workers import the examples' `workloads` module: on a real cluster the code the tasks
    # use is installed on every machine; here the example's bundle is on their path.
    write_bundle(load(EXAMPLES_DIR / "dask_cluster.py"), tmp_path)
    env = base_env(PYTHONPATH=str(tmp_path))
    processes.start(
        "scheduler",
        [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", "0"]
        + ["--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(scheduler_file)],
        env,
    )
    wait_for("scheduler file", scheduler_file.exists, 60, processes)
    for name in ("worker-1", "worker-2"):
        processes.start(
            name,
            [str(BIN / "dask"), "worker", "--scheduler-file", str(scheduler_file)]
            + ["--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1", "--no-dashboard"]
            + ["--name", name],
            env,
        )
    wait_for(
        "two connected workers",
        lambda: processes.log("scheduler").count("Register worker") >= 2,
        60,
        processes,
    )
    address = json.loads(scheduler_file.read_text())["address"]
    assert address.startswith("tcp://127.0.0.1:"), address

    example, actual = run_example("dask_cluster.py", base_env(DASK_SCHEDULER_ADDRESS=address))

    check_output(example, actual, "DASK_SCHEDULER_ADDRESS")
    assert "Receive client connection" in processes.log("scheduler")


@pytest.fixture
def ray_temp_dir() -> Iterator[Path]:
    # A short folder: Ray puts Unix sockets in it, and their paths must stay under 108 bytes.
    # Requested before `processes`, so it is removed after the processes are gone.
    path = Path(tempfile.mkdtemp(prefix="ray-", dir="/tmp"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@pytest.mark.exclusive  # a dozen processes: alone, their start-up stays well within its timeouts
def test_ray_example_on_a_real_cluster(ray_temp_dir: Path, processes: Processes, proof) -> None:
    proof("example run against a real cluster", "ray")
    # Token authentication (Ray >= 2.52): the head and every client share one secret.
    env = base_env(RAY_AUTH_MODE="token", RAY_AUTH_TOKEN=secrets.token_hex(32))
    # Not `ray stop --force` afterwards: that stops every Ray process of the machine, other test
    # runs' too. Everything this head starts stays in the session of `ray start`, which the
    # `processes` fixture kills.
    head = processes.start(
        "head",
        [str(BIN / "ray"), "start", "--head", "--node-ip-address", "127.0.0.1", "--port", "0"]
        + ["--num-cpus", "2", "--object-store-memory", str(128 * 2**20)]
        + ["--include-dashboard", "false", "--disable-usage-stats"]
        + ["--temp-dir", str(ray_temp_dir)],
        env,
    )
    # Without --block, `ray start` returns once the head runs; its daemons stay in its session.
    assert head.wait(timeout=120) == 0, processes.log("head")
    address = (ray_temp_dir / "ray_current_cluster").read_text().strip()

    example, actual = run_example("ray_cluster.py", env | {"RAY_ADDRESS": address})

    check_output(example, actual, "RAY_ADDRESS")
