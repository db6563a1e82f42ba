"""The I/O-bound workload on eventlet: at most 5 requests at a time, each with a deadline.

Legacy code, shown so that its asyncio port (eventlet_fetch_asyncio.py) can be compared
line by line. Do not start new code on eventlet.
"""

# ruff: noqa: E402 (imports after the patching are the point)

import warnings

# Importing eventlet warns, on purpose, that eventlet is deprecated (see the page). Ignore that one
# warning only: its text, raised by this import in this module. Its category is defined inside
# eventlet, so it cannot be named before the import: Warning, its base class, stands in.
with warnings.catch_warnings():
    warnings.filterwarnings(
        "ignore", message=r"\s*Eventlet is deprecated", category=Warning, module=__name__
    )
    import eventlet

eventlet.monkey_patch()  # first, as with gevent: blocking stdlib calls now switch greenlets

import time

from greenlet_server import latency_server_process

from workloads import LATENCY, fetch

REQUESTS, AT_A_TIME = 20, 5


def get(url: str, deadline: float) -> str:
    try:
        with eventlet.Timeout(deadline):
            return fetch(url).decode()
    except eventlet.Timeout:
        return "timed out"


def main(base: str) -> None:
    urls = [f"{base}/item{i}" for i in range(REQUESTS)]
    pool = eventlet.GreenPool(AT_A_TIME)  # at most 5 green threads at a time
    start = time.perf_counter()
    bodies = list(pool.imap(lambda url: get(url, 10 * LATENCY), urls))  # input order
    elapsed = time.perf_counter() - start
    print(f"{REQUESTS} requests, {AT_A_TIME} at a time: {elapsed:.2f} s")
    print(f"first results: {bodies[:2]}")
    print(f"with a deadline of LATENCY / 2: {get(f'{base}/slow', LATENCY / 2)}")


# Patched threads are green threads: the server runs in its own process (see the page).
with latency_server_process() as base_url:
    main(base_url)

# example: timing
# Output (timings vary):
#> 20 requests, 5 at a time: {float>=0.4<1.5} s
#> first results: ['ok /item0', 'ok /item1']
#> with a deadline of LATENCY / 2: timed out
