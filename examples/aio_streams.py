"""asyncio streams: a tiny line-echo server and its clients, on 127.0.0.1 and a free port."""

import asyncio


async def handle_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Called by the server in a new task for every connection."""
    try:
        while line := await reader.readline():  # b"" when the client closes its side
            writer.write(b"echo: " + line)
            await writer.drain()  # waits if the client reads slower than we write
    finally:
        writer.close()
        await writer.wait_closed()


async def client(port: int, name: str, words: list[str]) -> list[str]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    try:
        for word in words:
            writer.write(f"{name}: {word}\n".encode())
            await writer.drain()
            replies.append((await reader.readline()).decode().rstrip("\n"))
    finally:
        writer.close()
        await writer.wait_closed()
    return replies


async def main() -> None:
    server = await asyncio.start_server(handle_client, "127.0.0.1", 0)  # port 0: any free port
    port = server.sockets[0].getsockname()[1]
    print(f"serving on 127.0.0.1:{port}")
    async with server:  # closes the listening socket on exit
        print(await client(port, "solo", ["hello"]))
        both = await asyncio.gather(
            client(port, "alice", ["one", "two"]), client(port, "bob", ["three", "four"])
        )
        for replies in both:
            print(replies)


asyncio.run(main())

# Output:
#> serving on 127.0.0.1:{int}
#> ['echo: solo: hello']
#> ['echo: alice: one', 'echo: alice: two']
#> ['echo: bob: three', 'echo: bob: four']
