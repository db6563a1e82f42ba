"""pytest-run-parallel: run every test in several threads at once, and see what breaks.

The same two tests run twice: once as usual (one thread), once with --parallel-threads=4,
where the plugin runs each test's body in 4 threads at the same time. The unprotected
read-modify-write passes alone and fails in parallel; the locked one passes both ways.
(pip install pytest pytest-run-parallel)
"""

import os
import re
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

TESTS = '''\
import threading
import time
from collections import Counter

import pytest

ROUNDS = 2_000
hits = Counter()
lock = threading.Lock()


def record_unsafely(key):
    count = hits.get(key, 0)
    time.sleep(0)  # stands for any I/O between the read and the write: a log line, a query
    hits[key] = count + 1


def record_safely(key):
    with lock:
        count = hits.get(key, 0)
        time.sleep(0)
        hits[key] = count + 1


@pytest.fixture
def together(num_parallel_threads):
    """Set up once per test and shared by its threads: fresh counts and a barrier."""
    hits.clear()
    return threading.Barrier(num_parallel_threads)


@pytest.mark.parametrize("record", [record_unsafely, record_safely], ids=["no-lock", "lock"])
def test_counts_add_up(record, together, num_parallel_threads):
    together.wait(timeout=30)  # every thread starts counting at once
    for _ in range(ROUNDS):
        record("spam")
    together.wait(timeout=30)  # ...and checks once all have finished
    assert hits["spam"] == ROUNDS * num_parallel_threads
'''


def run_pytest(folder: str, *options: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["COLUMNS"] = "200"  # wide enough that pytest does not shorten the failure reasons
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rA", "--tb=no", "-p", "no:cacheprovider"]
        + list(options),
        cwd=folder,
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return [
        line
        for line in result.stdout.splitlines()
        if re.match(r"(PARALLEL )?(PASSED|FAILED)", line)
    ]


print(f"free-threaded build: {bool(sysconfig.get_config_var('Py_GIL_DISABLED'))}")
print(f"GIL enabled: {getattr(sys, '_is_gil_enabled', lambda: True)()}")
with tempfile.TemporaryDirectory() as tmp:
    Path(tmp, "test_counts.py").write_text(TESTS)
    Path(tmp, "pytest.ini").write_text("[pytest]\n")  # stop pytest looking for settings above
    print("one thread per test:")
    for line in run_pytest(tmp):
        print(f"  {line}")
    print("--parallel-threads=4:")
    for line in run_pytest(tmp, "--parallel-threads=4"):
        print(f"  {line}")

# Output (the test results are the same on every build: updates are lost with or without the GIL):
# example: needs=pytest,pytest-run-parallel
#> free-threaded build: False
#> GIL enabled: True
#> one thread per test:
#>   PASSED test_counts.py::test_counts_add_up[no-lock]
#>   PASSED test_counts.py::test_counts_add_up[lock]
#> --parallel-threads=4:
#>   PARALLEL PASSED test_counts.py::test_counts_add_up[lock]
#>   PARALLEL FAILED test_counts.py::test_counts_add_up[no-lock] - assert {int<8000} == (2000 * 4)
# Output on free-threaded builds (3.14t, 3.15t):
#> free-threaded build: True
#> GIL enabled: False
#> one thread per test:
#>   PASSED test_counts.py::test_counts_add_up[no-lock]
#>   PASSED test_counts.py::test_counts_add_up[lock]
#> --parallel-threads=4:
#>   PARALLEL PASSED test_counts.py::test_counts_add_up[lock]
#>   PARALLEL FAILED test_counts.py::test_counts_add_up[no-lock] - assert {int<8000} == (2000 * 4)
