"""A C call that blocks freezes every greenlet; gevent's monitor finds it; a thread pool fixes it.

ctypes calls the C library's usleep() here: it stands for any C extension that waits
without going through Python's socket or time modules (a database driver written in C, a
C library doing its own network I/O). Monkey-patching cannot reach inside such code.
"""

# ruff: noqa: E402 (imports after the patching are the point)

import gevent

gevent.config.monitor_thread = True  # or GEVENT_MONITOR_THREAD_ENABLE=true in the environment
gevent.config.max_blocking_time = 0.1  # report a hub blocked longer than this (the default)

from gevent import monkey

monkey.patch_all()

import ctypes
import io
import time

libc = ctypes.CDLL(None)  # the C library this Python is linked with (Linux, macOS)
CALLS, SECONDS = 4, 0.2
hub = gevent.get_hub()
hub.exception_stream = reports = io.StringIO()  # normally sys.stderr; captured to show it


def blocking_c_call() -> None:
    libc.usleep(int(SECONDS * 1_000_000))  # gevent never sees this wait


def ticker(ticks: list[float]) -> None:
    while True:
        gevent.sleep(0.02)
        ticks.append(time.perf_counter())


def run(label: str, call) -> None:
    ticks: list[float] = []
    clock = gevent.spawn(ticker, ticks)
    start = time.perf_counter()
    gevent.joinall([gevent.spawn(call) for _ in range(CALLS)])
    elapsed = time.perf_counter() - start
    clock.kill()
    print(
        f"{label}: {CALLS} calls of {SECONDS} s took {elapsed:.2f} s; {len(ticks)} ticks meanwhile"
    )


run("in greenlets", blocking_c_call)  # wrong: each call stops the whole hub
report = reports.getvalue().splitlines()
first = next(i for i, line in enumerate(report) if "appears to be blocked" in line)
print("  gevent's monitor thread reported:")
print(f"    {report[first].split(' : ', 1)[1]}")  # after the timestamp
for line in report[first + 2 : first + 5]:  # the blocked stack
    print(f"    {line}")

pool = hub.threadpool  # real OS threads, managed by the hub
run("in the thread pool", lambda: pool.apply(blocking_c_call))  # fixed: only the greenlet waits

# example: timing
# Output (timings vary):
#> in greenlets: 4 calls of 0.2 s took {float>=0.8} s; {int<=2} ticks meanwhile
#>   gevent's monitor thread reported:
#>     Greenlet <Greenlet at {...}: blocking_c_call> appears to be blocked
#>     Blocked Stack (for thread id {...}):
#>       File "{...}gevent_blocking_call.py", line {int}, in blocking_c_call
#>         libc.usleep(int(SECONDS * 1_000_000))  # gevent never sees this wait
#> in the thread pool: 4 calls of 0.2 s took {float<0.6} s; {int>=2} ticks meanwhile
