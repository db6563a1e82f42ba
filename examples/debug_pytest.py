"""Deterministic tests for the site's concurrency bugs, run with pytest in a subprocess.

Each test forces the bad interleaving with a barrier or a lock instead of hoping a sleep
produces it, so the buggy variant fails on every run and the fixed one passes on every run.
pytest-timeout turns the deadlock into a failure; pytest-asyncio and anyio's plugin run
async tests. (pip install pytest pytest-timeout pytest-asyncio anyio trio)
"""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

TESTS = '''\
import asyncio
import contextlib
import threading

import anyio
import pytest


def rendezvous(parties):
    """Each thread waits here until the others arrive, unless a lock keeps them out."""
    barrier = threading.Barrier(parties)

    def wait():
        try:
            barrier.wait(timeout=0.5)  # a bound, not a guess: it only matters for the fix
        except threading.BrokenBarrierError:
            pass

    return wait


def run_in_threads(*jobs):
    threads = [threading.Thread(target=job, daemon=True) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


# The lost update of threads_race.py: both threads read before either writes.
@pytest.mark.parametrize("locked", [False, True], ids=["no-lock", "lock"])
def test_increments_add_up(locked):
    counter, lock, between = [0], threading.Lock(), rendezvous(2)

    def increment():
        current = counter[0]
        between()
        counter[0] = current + 1

    def job():
        if locked:
            with lock:
                increment()
        else:
            increment()

    run_in_threads(job, job)
    assert counter[0] == 2


# The deadlock of threads_deadlock.py: a hang becomes a failure, with every thread's stack.
@pytest.mark.timeout(2)
@pytest.mark.parametrize("ordered", [False, True], ids=["opposite-order", "one-order"])
def test_transfers_finish(ordered):
    a, b, between = threading.Lock(), threading.Lock(), rendezvous(2)

    def transfer(first, second):
        if ordered:
            first, second = sorted([first, second], key=id)
        with first:
            between()
            with second:
                pass

    run_in_threads(lambda: transfer(a, b), lambda: transfer(b, a))


# The race across an await of aio_race_across_await.py, with its fix (the lock).
class Account:
    def __init__(self, balance, lock):
        self.balance, self.lock = balance, lock

    async def withdraw(self, amount):
        async with self.lock:
            if self.balance >= amount:
                await anyio.sleep(0)  # a checkpoint: another task runs here if it can
                self.balance -= amount


@pytest.mark.asyncio  # pytest-asyncio: a fresh asyncio event loop for this test
async def test_withdrawals_asyncio():
    account = Account(100, asyncio.Lock())
    await asyncio.gather(account.withdraw(80), account.withdraw(80))
    assert account.balance == 20


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request):
    return request.param


@pytest.mark.anyio  # anyio's plugin: the test runs once per backend
@pytest.mark.parametrize("locked", [False, True], ids=["no-lock", "lock"])
async def test_withdrawals_anyio(locked):
    account = Account(100, anyio.Lock() if locked else contextlib.nullcontext())
    async with anyio.create_task_group() as tg:
        tg.start_soon(account.withdraw, 80)
        tg.start_soon(account.withdraw, 80)
    assert account.balance == 20
'''

with tempfile.TemporaryDirectory() as tmp:
    Path(tmp, "test_bank.py").write_text(TESTS)
    Path(tmp, "pytest.ini").write_text("[pytest]\n")  # stop pytest looking for settings above
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["COLUMNS"] = "200"  # wide enough that pytest does not shorten the failure reasons
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rA", "--tb=no", "-p", "no:cacheprovider"],
        cwd=tmp,
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
# Print pytest's summary: one line per test, then the counts. (Above it, pytest-timeout has
# printed the stack of every thread at the moment of the timeout, as faulthandler does.)
for line in result.stdout.splitlines():
    if line.startswith(("PASSED", "FAILED")) or re.match(r"\d+ failed", line):
        print(line)

# Output (timings vary):
# example: needs=pytest,pytest-timeout,pytest-asyncio,anyio,trio
#> PASSED test_bank.py::test_increments_add_up[lock]
#> PASSED test_bank.py::test_transfers_finish[one-order]
#> PASSED test_bank.py::test_withdrawals_asyncio
#> PASSED test_bank.py::test_withdrawals_anyio[asyncio-lock]
#> PASSED test_bank.py::test_withdrawals_anyio[trio-lock]
#> FAILED test_bank.py::test_increments_add_up[no-lock] - assert 1 == 2
#> FAILED test_bank.py::test_transfers_finish[opposite-order] - Failed: Timeout (>2.0s) from pytest-timeout.
#> FAILED test_bank.py::test_withdrawals_anyio[asyncio-no-lock] - assert -60 == 20
#> FAILED test_bank.py::test_withdrawals_anyio[trio-no-lock] - assert -60 == 20
#> 4 failed, 5 passed in {float}s
