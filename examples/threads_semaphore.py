"""Semaphore: ten threads, but never more than three requests in flight at once."""

import math
import threading
import time

from workloads import fetch, latency_server

LIMIT = 3
REQUESTS = 10
slots = threading.Semaphore(LIMIT)  # a counter: acquire() takes a slot, release() gives it back
in_flight = 0
peak = 0
stats_lock = threading.Lock()  # in_flight/peak are a read-modify-write: they need a lock


def limited_fetch(url: str) -> None:
    global in_flight, peak
    with slots:  # blocks while LIMIT threads are inside
        with stats_lock:
            in_flight += 1
            peak = max(peak, in_flight)
        fetch(url)
        with stats_lock:
            in_flight -= 1


with latency_server() as base_url:
    start = time.perf_counter()
    threads = [
        threading.Thread(target=limited_fetch, args=(f"{base_url}/{i}",)) for i in range(REQUESTS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start

print(f"at most {peak} requests at once (limit {LIMIT})")
waves = math.ceil(REQUESTS / LIMIT)
print(f"{REQUESTS} requests of 0.1 s, {LIMIT} at a time: {elapsed:.2f} s ({waves} waves)")

# Output (timings vary; the peak must equal the limit: never above it, and reached):
#> at most 3 requests at once (limit 3)
#> 10 requests of 0.1 s, 3 at a time: {float>=0.4} s (4 waves)
