"""C code that releases the GIL: threads compute in parallel on the standard build.

hashlib releases the GIL while it hashes a buffer larger than 2047 bytes (zlib, bz2, lzma and
most I/O do the same). Two measurements: while a worker thread is inside one long C call, how
long does the main thread go without running any Python code? And do two threads hash faster
than one?
"""

import hashlib
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

DATA = bytes(64 * 2**20)  # 64 MiB of zeros
CHUNKS = [DATA] * 4


def longest_pause(call) -> tuple[float, float]:
    """Run `call` in a worker thread; return (the longest gap between two steps of the main
    thread's Python loop meanwhile, the duration of the call), in seconds."""
    go, done = threading.Event(), threading.Event()
    duration = 0.0

    def worker() -> None:
        nonlocal duration
        if go.wait(timeout=10):  # start only once the main thread is in its loop
            began = time.perf_counter()
            call()
            duration = time.perf_counter() - began
        done.set()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        go.set()
        pause, last = 0.0, time.perf_counter()
        while not done.is_set():  # Python code: it runs only while this thread holds the GIL
            now = time.perf_counter()
            pause, last = max(pause, now - last), now
    finally:
        thread.join(timeout=60)
    return pause, duration


def sha256_256_mib() -> None:
    digest = hashlib.sha256()
    for _ in range(4):
        digest.update(DATA)  # one C call per 64 MiB, without the GIL


def hash_all(workers: int) -> float:
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        digests = list(pool.map(lambda chunk: hashlib.sha256(chunk).hexdigest(), CHUNKS))
    assert len(set(digests)) == 1
    return time.perf_counter() - began


hash_pause, hash_time = longest_pause(sha256_256_mib)
sum_pause, sum_time = longest_pause(lambda: sum(range(30_000_000)))
gil = getattr(sys, "_is_gil_enabled", lambda: True)()
print(f"GIL enabled: {gil}")
print(
    f"sha256 of 256 MiB: {hash_time:.2f} s; main thread paused at most {hash_pause * 1000:.0f} ms"
)
print(f"sum(range(3e7)):   {sum_time:.2f} s; main thread paused at most {sum_pause * 1000:.0f} ms")
print(f"hashlib released the GIL: {hash_pause < hash_time / 2}")
print(f"sum() held the GIL for the whole call: {sum_pause > sum_time / 2}")
one, two = hash_all(1), hash_all(2)
print(f"hashing 4 x 64 MiB: 1 thread {one:.2f} s, 2 threads {two:.2f} s, speed-up {one / two:.2f}x")

# example: timing
# Output (timings vary; the tests check the two verdicts, not the speed-up, which needs free cores):
#> GIL enabled: True
#> sha256 of 256 MiB: {float} s; main thread paused at most {int} ms
#> sum(range(3e7)):   {float} s; main thread paused at most {int} ms
#> hashlib released the GIL: True
#> sum() held the GIL for the whole call: True
#> hashing 4 x 64 MiB: 1 thread {float} s, 2 threads {float} s, speed-up {float}x
# Output on free-threaded builds (no GIL: no call holds the main thread up):
#> GIL enabled: False
#> sha256 of 256 MiB: {float} s; main thread paused at most {int} ms
#> sum(range(3e7)):   {float} s; main thread paused at most {int} ms
#> hashlib released the GIL: True
#> sum() held the GIL for the whole call: False
#> hashing 4 x 64 MiB: 1 thread {float} s, 2 threads {float} s, speed-up {float}x
