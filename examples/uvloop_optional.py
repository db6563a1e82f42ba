"""uvloop where it exists, asyncio's own loop elsewhere (Windows has no uvloop)."""

import asyncio
import sys
from collections.abc import Callable


def loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    try:
        import uvloop
    except ImportError:  # Windows, or an interpreter uvloop has no wheel for
        return None  # None: the standard event loop
    return uvloop.new_event_loop


async def main() -> str:
    return type(asyncio.get_running_loop()).__name__


with asyncio.Runner(
    loop_factory=loop_factory()
) as runner:  # 3.12+: asyncio.run(main(), loop_factory=...)
    print(f"with uvloop installed: {runner.run(main())}")

sys.modules["uvloop"] = None  # simulate a machine without uvloop: its import now fails
with asyncio.Runner(loop_factory=loop_factory()) as runner:
    print(f"without uvloop: {runner.run(main())}")

# Output:
#> with uvloop installed: Loop
#> without uvloop: _UnixSelectorEventLoop
