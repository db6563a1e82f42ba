"""`await tg.start(...)`: wait until a background task is ready (no sleep), then use it."""

import anyio
from anyio.abc import SocketAttribute, SocketStream, TaskStatus


async def echo(stream: SocketStream) -> None:
    async with stream:
        async for data in stream:
            await stream.send(data.upper())


async def serve(*, task_status: TaskStatus[int] = anyio.TASK_STATUS_IGNORED) -> None:
    listener = await anyio.create_tcp_listener(local_host="127.0.0.1", local_port=0)
    async with listener:  # closed however the task ends
        task_status.started(listener.extra(SocketAttribute.local_port))  # start() returns it
        await listener.serve(echo)  # runs until the task is cancelled


async def main() -> None:
    async with anyio.create_task_group() as tg:
        port = await tg.start(serve)  # the server is listening once this returns
        async with await anyio.connect_tcp("127.0.0.1", port) as client:
            await client.send(b"hello")
            print(f"  client got {await client.receive()!r}")
        tg.cancel_scope.cancel()  # stop the server: cancels every task in the group
    print("  server stopped, listener closed")


for backend in ("asyncio", "trio"):
    print(f"backend={backend}:")
    anyio.run(main, backend=backend)

# Output:
# example: needs=trio
#> backend=asyncio:
#>   client got b'HELLO'
#>   server stopped, listener closed
#> backend=trio:
#>   client got b'HELLO'
#>   server stopped, listener closed
