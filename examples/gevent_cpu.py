"""The CPU-bound workload with gevent: no speedup, and every other greenlet freezes meanwhile.

A heartbeat greenlet wants to wake up every 10 ms. While a greenlet computes, nothing
switches to the hub, so the heartbeat does not get to run.
"""

# ruff: noqa: E402 (imports after the patching are the point)

from gevent import monkey

monkey.patch_all()

import time

import gevent
from gevent.pool import Pool

from workloads import CPU_TASKS, count_primes

TICK = 0.01


def heartbeat(beats: list[float]) -> None:
    while True:
        beats.append(time.perf_counter())
        gevent.sleep(TICK)


def measure(run) -> tuple[float, float, int]:
    """Wall-clock seconds, cores used (CPU time / wall time), heartbeats that happened."""
    beats: list[float] = []
    beating = gevent.spawn(heartbeat, beats)
    gevent.sleep(2 * TICK)  # let it start beating
    start, cpu_start = time.perf_counter(), time.process_time()
    run()
    end, cpu_end = time.perf_counter(), time.process_time()
    beating.kill()
    elapsed = end - start
    return elapsed, (cpu_end - cpu_start) / elapsed, sum(start < beat < end for beat in beats)


def sequential() -> None:
    for n in CPU_TASKS:
        count_primes(n)


def with_pool() -> None:
    Pool(len(CPU_TASKS)).map(count_primes, CPU_TASKS)


# Best of two runs each, alternating, so that a busy moment does not decide the ratio.
results = {"sequential": [], "gevent Pool": []}
for _ in range(2):
    for label, run in (("sequential", sequential), ("gevent Pool", with_pool)):
        results[label].append(measure(run))
for label, runs in results.items():
    elapsed, cores, beats = min(runs)
    free = elapsed / TICK  # heartbeats a free hub would have managed
    print(f"{label}: {elapsed:.2f} s on {cores:.2f} cores, {beats} heartbeats (free: ~{free:.0f})")
speedup = min(results["sequential"])[0] / min(results["gevent Pool"])[0]
print(f"speedup of the gevent Pool: {speedup:.2f}x")

# example: timing
# Output (timings vary):
#> sequential: {float} s on {float<1.1} cores, {int<=2} heartbeats (free: ~{int})
#> gevent Pool: {float} s on {float<1.1} cores, {int<=2} heartbeats (free: ~{int})
#> speedup of the gevent Pool: {float<1.3}x
