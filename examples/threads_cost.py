"""What a thread costs: memory while 200 are alive (Linux), a task on its own thread or a pool."""

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

N = 200
ROUNDS = 5  # the two ways take turns; each keeps its fastest round, so a busy moment hits neither


def rss_kib() -> int:
    """Resident memory of this process, from /proc (Linux only)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def thread_per_task(count: int) -> float:
    """Seconds per trivial task, each on a new thread: start it, let it run, join it."""
    start = time.perf_counter()
    for _ in range(count):
        thread = threading.Thread(target=abs, args=(1,))
        thread.start()
        thread.join(timeout=10)
        if thread.is_alive():
            raise TimeoutError("a trivial thread did not finish within 10 s")
    return (time.perf_counter() - start) / count


def through_pool(pool: ThreadPoolExecutor, count: int) -> float:
    """Seconds per trivial task sent to the pool's threads: what remains is its overhead."""
    start = time.perf_counter()
    list(pool.map(abs, range(count), timeout=60))
    return (time.perf_counter() - start) / count


release = threading.Event()
before = rss_kib()
threads = [threading.Thread(target=release.wait, args=(60,)) for _ in range(N)]
for thread in threads:
    thread.start()
during = rss_kib()  # all N threads are alive, each waiting on the event
release.set()
for thread in threads:
    thread.join(timeout=10)
    if thread.is_alive():
        raise TimeoutError("a released thread did not finish within 10 s")

own = pooled = float("inf")
with ThreadPoolExecutor(max_workers=4) as pool:
    through_pool(pool, 100)  # warm up: the pool starts its threads
    for _ in range(ROUNDS):
        own = min(own, thread_per_task(40))
        pooled = min(pooled, through_pool(pool, 2_000))

print(f"memory per idle thread: {(during - before) / N:.0f} KiB resident")
print(f"a trivial task on a thread of its own (start + join): {own * 1e6:.0f} µs")
print(f"the same task through a ThreadPoolExecutor: {pooled * 1e6:.0f} µs")
print(f"a thread per task costs {own / pooled:.1f}x the pool's overhead")

# example: timing
# Output (numbers vary by machine):
#> memory per idle thread: {int<=64} KiB resident
#> a trivial task on a thread of its own (start + join): {int} µs
#> the same task through a ThreadPoolExecutor: {int<50} µs
#> a thread per task costs {float>=3}x the pool's overhead
