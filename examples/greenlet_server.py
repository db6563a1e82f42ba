"""workloads.latency_server() in a separate, unpatched Python process, for gevent and eventlet.

latency_server() runs an asyncio event loop in a background *thread*. After gevent's or
eventlet's monkey-patching, threading.Thread starts a greenlet instead: the server would share
one OS thread, and one hub, with the very clients it is meant to answer, and an asyncio loop
would run inside a greenlet. That happens to work, but it is not a setup either library
supports, and server work would then count against the client's own timings. A child process
keeps the two apart: it is a fresh interpreter that never imports gevent or eventlet.

The gevent and eventlet examples import latency_server_process() from here; run this file on
its own to see it answer one request.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from workloads import LATENCY, fetch

SERVER = """
import signal, sys
from workloads import latency_server

signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent; it stops us
with latency_server({latency!r}) as url:
    print(url, flush=True)
    sys.stdin.read()  # serve until the parent closes our stdin (or dies)
"""


@contextlib.contextmanager
def latency_server_process(latency: float = LATENCY) -> Iterator[str]:
    """Start the latency server in a child process; yield its base URL; stop it on exit."""
    child = subprocess.Popen(
        [sys.executable, "-c", SERVER.format(latency=latency)],
        cwd=Path(__file__).parent,  # so that the child finds workloads.py
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        url = child.stdout.readline().strip()
        if not url.startswith("http://"):
            raise RuntimeError("the latency server process did not start")
        yield url
    finally:
        child.stdin.close()  # end of input: the child leaves its `with` block and exits
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        child.stdout.close()


if __name__ == "__main__":
    with latency_server_process() as base_url:
        start = time.perf_counter()
        body = fetch(f"{base_url}/hello")
        print(f"{body.decode()!r} after {time.perf_counter() - start:.2f} s")

# Output (timings vary):
#> 'ok /hello' after {float>=0.1<1} s
