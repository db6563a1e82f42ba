"""The I/O-bound workload written once with anyio, run on the asyncio and on the trio backend."""

import time

import anyio

from workloads import LATENCY, latency_server

N_REQUESTS = 100
LIMIT = 10


async def fetch(url: str) -> bytes:
    """GET with anyio's portable TCP streams (workloads.fetch_async needs asyncio itself)."""
    host_port, _, path = url.removeprefix("http://").partition("/")
    host, _, port = host_port.partition(":")
    async with await anyio.connect_tcp(host, int(port)) as stream:
        await stream.send(
            f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nConnection: close\r\n\r\n".encode()
        )
        response = b""
        async for chunk in stream:  # until the server closes the connection
            response += chunk
    head, _, body = response.partition(b"\r\n\r\n")
    if not head.startswith(b"HTTP/1.1 200"):
        raise OSError(f"unexpected response: {head[:40]!r}")
    return body


async def fetch_all(urls: list[str], limiter: anyio.CapacityLimiter | None = None) -> list[bytes]:
    bodies: list[bytes] = [b""] * len(urls)

    async def fetch_one(i: int) -> None:
        if limiter is None:
            bodies[i] = await fetch(urls[i])
        else:
            async with limiter:  # at most `total_tokens` requests in flight
                bodies[i] = await fetch(urls[i])

    async with anyio.create_task_group() as tg:
        for i in range(len(urls)):
            tg.start_soon(fetch_one, i)
    return bodies


async def main(base_url: str) -> None:
    urls = [f"{base_url}/item/{i}" for i in range(N_REQUESTS)]
    start = time.perf_counter()
    bodies = await fetch_all(urls)
    all_at_once = time.perf_counter() - start
    start = time.perf_counter()
    bounded = await fetch_all(urls, anyio.CapacityLimiter(LIMIT))
    limited = time.perf_counter() - start
    assert bounded == bodies
    print(f"  {len(bodies)} answers, first {bodies[0]!r}, last {bodies[-1]!r}")
    print(f"  all {N_REQUESTS} at once: {all_at_once:.2f} s (LATENCY = {LATENCY})")
    print(f"  at most {LIMIT} at once: {limited:.2f} s")


# debug=False: time asyncio as it runs in production, even under `python -X dev`, whose debug
# mode records a traceback for every task and callback (trio has no such mode).
OPTIONS = {"asyncio": {"debug": False}, "trio": {}}

with latency_server() as base_url:
    for backend in ("asyncio", "trio"):  # the same code, two event loops
        print(f"backend={backend}:")
        anyio.run(main, base_url, backend=backend, backend_options=OPTIONS[backend])

# example: timing needs=trio
# Output (timings vary):
#> backend=asyncio:
#>   100 answers, first b'ok /item/0', last b'ok /item/99'
#>   all 100 at once: {float<1.0} s (LATENCY = 0.1)
#>   at most 10 at once: {float>=0.9<5.0} s
#> backend=trio:
#>   100 answers, first b'ok /item/0', last b'ok /item/99'
#>   all 100 at once: {float<1.0} s (LATENCY = 0.1)
#>   at most 10 at once: {float>=0.9<5.0} s
