"""Pitfall: code written for asyncio fails on the trio backend; anyio's own API runs on both."""

import anyio

from workloads import fetch_async, latency_server


async def fetch_portable(url: str) -> bytes:
    """The same GET as workloads.fetch_async, on anyio streams instead of asyncio's."""
    host_port, _, path = url.removeprefix("http://").partition("/")
    host, _, port = host_port.partition(":")
    async with await anyio.connect_tcp(host, int(port)) as stream:
        request = f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nConnection: close\r\n\r\n"
        await stream.send(request.encode())
        response = b"".join([chunk async for chunk in stream])
    return response.partition(b"\r\n\r\n")[2]


async def main(fetch, url: str) -> bytes:
    async with anyio.create_task_group() as tg:  # portable structure...
        handle = tg.start_soon(fetch, url)  # (a task handle: anyio 4.14+)
    return handle.return_value  # ...but the fetch inside must be portable too


with latency_server() as base_url:
    for fetch in (fetch_async, fetch_portable):
        for backend in ("asyncio", "trio"):
            try:
                body = anyio.run(main, fetch, f"{base_url}/hello", backend=backend)
                outcome = repr(body)
            except* RuntimeError as group:
                outcome = f"RuntimeError: {group.exceptions[0]}"
            print(f"{fetch.__name__} on {backend}: {outcome}")

# Output:
# example: needs=trio
#> fetch_async on asyncio: b'ok /hello'
#> fetch_async on trio: RuntimeError: no running event loop
#> fetch_portable on asyncio: b'ok /hello'
#> fetch_portable on trio: b'ok /hello'
