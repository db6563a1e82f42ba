"""What a greenlet costs: memory while 10,000 wait at once, and time to spawn and join one.

Memory is read from /proc/self/statm, so this example runs on Linux only.
"""

# ruff: noqa: E402 (imports after the patching are the point)

from gevent import monkey

monkey.patch_all()

import resource
import time

import gevent

COUNT = 10_000


def resident_kib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 1024


def waiter() -> int:
    time.sleep(0.5)  # patched: every greenlet is parked in the hub, its stack saved
    return 1


before = resident_kib()
start = time.perf_counter()
greenlets = [gevent.spawn(waiter) for _ in range(COUNT)]
gevent.sleep(0.2)  # all of them are now waiting
per_greenlet = (resident_kib() - before) / COUNT
done = gevent.joinall(greenlets, timeout=10, raise_error=True)
if len(done) != COUNT:
    raise TimeoutError(f"only {len(done):,} of {COUNT:,} greenlets finished within 10 s")
elapsed = time.perf_counter() - start
print(f"{COUNT:,} greenlets waiting at once: about {per_greenlet:.0f} KiB of memory each")
print(f"all {sum(g.value for g in greenlets):,} done after {elapsed:.2f} s (each waited 0.5 s)")

start = time.perf_counter()
trivial = [gevent.spawn(int) for _ in range(COUNT)]
if len(gevent.joinall(trivial, timeout=10)) != COUNT:
    raise TimeoutError("the trivial greenlets did not all finish within 10 s")
micros = (time.perf_counter() - start) / COUNT * 1e6
print(f"spawn + run + join of a trivial greenlet: {micros:.0f} µs")

# example: timing
# Output (timings vary):
#> 10,000 greenlets waiting at once: about {int<=16} KiB of memory each
#> all 10,000 done after {float<1.0} s (each waited 0.5 s)
#> spawn + run + join of a trivial greenlet: {int<50} µs
