"""Pitfall: in a cancelled scope every await is cancelled, including the ones in `finally`."""

import anyio


async def send_goodbye(log: list[str]) -> None:
    await anyio.sleep(0.01)  # e.g. tell the peer we are leaving, flush a buffer, close a socket
    log.append("goodbye sent")


async def session_broken(log: list[str]) -> None:
    try:
        await anyio.sleep_forever()
    finally:
        await send_goodbye(log)  # BUG: cancelled at once, the scope is still cancelled


async def session_fixed(log: list[str]) -> None:
    try:
        await anyio.sleep_forever()
    finally:
        # FIX: shield the cleanup from the outer cancellation, with a deadline of its own
        # so that a stuck peer cannot hold the shutdown forever.
        with anyio.move_on_after(1, shield=True):
            await send_goodbye(log)


async def main(session) -> list[str]:
    log: list[str] = []
    with anyio.move_on_after(0.05):
        await session(log)
    return log


for backend in ("asyncio", "trio"):
    for session in (session_broken, session_fixed):
        print(f"{backend}, {session.__name__}: {anyio.run(main, session, backend=backend)}")

# Output:
# example: needs=trio
#> asyncio, session_broken: []
#> asyncio, session_fixed: ['goodbye sent']
#> trio, session_broken: []
#> trio, session_fixed: ['goodbye sent']
