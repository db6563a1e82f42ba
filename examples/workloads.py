"""The two workloads every page of this site uses, so approaches are compared like with like.

* I/O-bound: HTTP requests to a small server on 127.0.0.1 that waits a fixed time
  (``LATENCY``) before it answers. No internet is involved.
* CPU-bound: counting primes by trial division in pure Python, cut into
  ``len(CPU_TASKS)`` equal pieces that together take about a second.

Import it from an example that sits next to it (``from workloads import ...``).
Run it directly to see how long one piece of each workload takes on your machine.

In a web page (Pyodide, where ``sys.platform == "emscripten"``) nothing can listen on a port,
so a stand-in replaces the server: ``latency_server()`` yields a URL of the same shape and
``fetch()`` / ``fetch_async()`` answer it after the same ``latency``, with ``time.sleep`` /
``asyncio.sleep`` instead of a request. Under CPython the stand-in is never used.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import itertools
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator

LATENCY = 0.1
"""Seconds the local server waits before answering each request."""

CPU_LIMIT = 120_000
"""One CPU-bound task counts the primes below this number."""

CPU_TASKS = [CPU_LIMIT] * 8
"""The CPU-bound workload: eight equal tasks, about a second in all, sequentially."""


def count_primes(limit: int, start: int = 2) -> int:
    """Count the primes in ``[start, limit)`` by trial division: slow on purpose, pure Python."""
    count = 0
    for n in range(max(start, 2), limit):
        for divisor in range(2, int(n**0.5) + 1):
            if n % divisor == 0:
                break
        else:
            count += 1
    return count


async def _answer(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, latency: float
) -> None:
    try:
        request_line = await reader.readline()
        while (await reader.readline()) not in (b"\r\n", b"\n", b""):
            pass  # skip the request headers
        await asyncio.sleep(latency)
        path = request_line.split(b" ")[1] if request_line.count(b" ") >= 2 else b"/"
        body = b"ok " + path
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
            b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body)
        )
        await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


@contextlib.contextmanager
def latency_server(latency: float = LATENCY) -> Iterator[str]:
    """Serve HTTP on 127.0.0.1 (a free port) in a background thread; yield the base URL.

    Every ``GET /anything`` is answered with ``ok /anything`` after ``latency`` seconds.
    The server runs its own asyncio event loop, so it can hold thousands of
    connections at once; leaving the ``with`` block stops it and joins the thread.
    """
    started = threading.Event()
    state: dict = {}

    async def serve() -> None:
        server = await asyncio.start_server(
            lambda r, w: _answer(r, w, latency), "127.0.0.1", 0, backlog=4096
        )
        state["loop"] = asyncio.get_running_loop()
        state["stop"] = asyncio.Event()
        state["port"] = server.sockets[0].getsockname()[1]
        started.set()
        async with server:
            await state["stop"].wait()

    # debug=False: the server stands for a remote machine. Under `python -X dev`, asyncio's
    # debug mode would otherwise time its bursts of accepts and report them as slow callbacks.
    thread = threading.Thread(
        target=asyncio.run, args=(serve(),), kwargs={"debug": False}, name="latency-server"
    )
    thread.start()
    started.wait()
    try:
        yield f"http://127.0.0.1:{state['port']}"
    finally:
        state["loop"].call_soon_threadsafe(state["stop"].set)
        thread.join()


def fetch(url: str, timeout: float = 30) -> bytes:
    """Blocking GET with the standard library's http.client; returns the body.

    (Not urllib.request: its first call in a process builds an SSL context, which costs
    milliseconds of CPU that have nothing to do with the workload.)
    """
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", parts.path or "/")
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise OSError(f"unexpected response: {response.status} {response.reason}")
    return body


async def fetch_async(url: str) -> bytes:
    """Non-blocking GET with asyncio streams (HTTP/1.1, no TLS); returns the body."""
    host_port, _, path = url.removeprefix("http://").partition("/")
    host, _, port = host_port.partition(":")
    reader, writer = await asyncio.open_connection(host, int(port or 80))
    try:
        writer.write(
            f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nConnection: close\r\n\r\n".encode()
        )
        await writer.drain()
        response = await reader.read()
    finally:
        writer.close()
        await writer.wait_closed()
    head, _, body = response.partition(b"\r\n\r\n")
    if not head.startswith(b"HTTP/1.1 200"):
        raise OSError(f"unexpected response: {head[:40]!r}")
    return body


# ---------------------------------------------------------------------------------------------
# In a web page: the same functions, with a stand-in for the server (no sockets there)

if sys.platform == "emscripten":
    _SERVING: dict[int, float] = {}  # the stand-in servers open now: port -> latency
    _PORTS = itertools.count(49152)

    def _stand_in(url: str) -> tuple[float, bytes]:
        """The latency and the answer of the stand-in server that ``url`` names."""
        parts = urllib.parse.urlsplit(url)
        if parts.hostname != "127.0.0.1" or parts.port not in _SERVING:
            raise ConnectionRefusedError(f"no server at {parts.hostname}:{parts.port}")
        return _SERVING[parts.port], b"ok " + (parts.path or "/").encode()

    @contextlib.contextmanager
    def latency_server(latency: float = LATENCY) -> Iterator[str]:  # noqa: F811 - the stand-in
        """In the browser: no server, a URL that fetch() and fetch_async() answer as it would."""
        port = next(_PORTS)
        _SERVING[port] = latency
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            del _SERVING[port]

    def fetch(url: str, timeout: float = 30) -> bytes:  # noqa: F811 - the stand-in
        """In the browser: the stand-in's answer after its latency (a blocking wait)."""
        latency, body = _stand_in(url)
        if latency > timeout:
            time.sleep(timeout)
            raise TimeoutError("timed out")
        time.sleep(latency)
        return body

    async def fetch_async(url: str) -> bytes:  # noqa: F811 - the stand-in
        """In the browser: the stand-in's answer after its latency (awaited: other tasks run)."""
        latency, body = _stand_in(url)
        await asyncio.sleep(latency)
        return body


def main() -> None:
    start = time.perf_counter()
    primes = count_primes(CPU_LIMIT)
    one_task = time.perf_counter() - start
    print(f"CPU task: {primes} primes below {CPU_LIMIT:,} in {one_task:.3f} s")
    print(
        f"CPU workload: {len(CPU_TASKS)} tasks, about {one_task * len(CPU_TASKS):.2f} s sequentially"
    )
    with latency_server() as url:
        start = time.perf_counter()
        body = fetch(url + "/hello")
        print(
            f"I/O task: {body.decode()!r} after {time.perf_counter() - start:.3f} s (LATENCY = {LATENCY})"
        )
        start = time.perf_counter()
        body = asyncio.run(fetch_async(url + "/again"))
        print(f"async I/O task: {body.decode()!r} after {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main()

# Output (timings vary):
#> CPU task: 11301 primes below 120,000 in {float} s
#> CPU workload: 8 tasks, about {float} s sequentially
#> I/O task: 'ok /hello' after {float>=0.1<1} s (LATENCY = 0.1)
#> async I/O task: 'ok /again' after {float>=0.1<1} s
