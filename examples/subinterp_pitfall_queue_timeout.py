"""Pitfall: a fractional timeout on an interpreter queue.

Queue.get() and Queue.put() cut the timeout down to whole seconds (int(timeout)), unlike
queue.Queue: timeout=0.5 becomes 0 and gives up at once (python/cpython#153005). The fix:
use whole seconds, or keep your own deadline and poll with get_nowait().
"""

import time

try:
    from concurrent import interpreters  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport import interpreters

queue = interpreters.create_queue()

# The pitfall: asked to wait half a second, get() gives up immediately.
start = time.perf_counter()
try:
    queue.get(timeout=0.5)
except interpreters.QueueEmpty:
    print(f"get(timeout=0.5) gave up after {time.perf_counter() - start:.2f} s")


# The fix: a deadline of your own, with any precision you like.
def get(queue, timeout: float, poll: float = 0.01):
    deadline = time.monotonic() + timeout
    while True:
        try:
            return queue.get_nowait()
        except interpreters.QueueEmpty:
            if time.monotonic() >= deadline:
                raise
            time.sleep(poll)


start = time.perf_counter()
try:
    get(queue, timeout=0.5)
except interpreters.QueueEmpty:
    print(f"get() with its own deadline gave up after {time.perf_counter() - start:.2f} s")

# example: python>=3.13
# Output (timings vary):
#> get(timeout=0.5) gave up after {float<0.2} s
#> get() with its own deadline gave up after {float>=0.5<1.5} s
