"""What a thread costs: starting one, memory while 200 are alive (Linux), one task on a pool."""

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

N = 200


def rss_kib() -> int:
    """Resident memory of this process, from /proc (Linux only)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


release = threading.Event()
before = rss_kib()
start = time.perf_counter()
threads = [threading.Thread(target=release.wait) for _ in range(N)]
for thread in threads:
    thread.start()
started = time.perf_counter() - start
during = rss_kib()
release.set()
for thread in threads:
    thread.join()

with ThreadPoolExecutor(max_workers=4) as pool:
    list(pool.map(abs, range(100)))  # warm up: the pool starts its threads
    start = time.perf_counter()
    list(pool.map(abs, range(10_000)))  # a trivial task: what remains is the pool's overhead
    per_task = (time.perf_counter() - start) / 10_000

print(f"start one thread: {started / N * 1e6:.0f} µs")
print(f"memory per idle thread: {(during - before) / N:.0f} KiB resident")
print(f"one trivial task through a ThreadPoolExecutor: {per_task * 1e6:.0f} µs")

# example: timing
# Output (numbers vary by machine):
#> start one thread: {float<2000} µs
#> memory per idle thread: {float<1024} KiB resident
#> one trivial task through a ThreadPoolExecutor: {float<1000} µs
