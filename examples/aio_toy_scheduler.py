"""A toy event loop: generators are the tasks, `yield ("sleep", seconds)` is their `await`."""

import heapq
import itertools
import time
from collections import deque


class ToyLoop:
    def __init__(self):
        self.ready = deque()  # tasks that can run now
        self.timers = []  # heap of (wake-up time, tie-breaker, task)
        self.now = 0.0  # seconds since run() started, advanced timer by timer
        self.tie_breaker = itertools.count()  # equal wake-up times run first come, first served

    def spawn(self, task):
        self.ready.append(task)

    def run(self):
        start = time.monotonic()
        while self.ready or self.timers:
            if not self.ready:  # nothing to run: sleep until the earliest timer is due
                wake_up, _, task = heapq.heappop(self.timers)
                time.sleep(max(0.0, start + wake_up - time.monotonic()))
                self.now = wake_up
                self.ready.append(task)
            task = self.ready.popleft()
            try:
                request, seconds = next(task)  # run the task until its next yield
            except StopIteration:
                continue  # the task returned: forget it
            if request == "sleep":
                heapq.heappush(self.timers, (self.now + seconds, next(self.tie_breaker), task))


def ticker(loop, name, period, count):
    for i in range(1, count + 1):
        yield ("sleep", period)  # hand control back to the loop
        print(f"{loop.now:.2f} s  {name} tick {i}")


loop = ToyLoop()
loop.spawn(ticker(loop, "fast", 0.1, 4))
loop.spawn(ticker(loop, "slow", 0.25, 2))
started = time.perf_counter()
loop.run()
print(f"6 sleeps totalling 0.9 s took {time.perf_counter() - started:.2f} s of wall time")

# example: browser
# Output (the wall time varies):
#> 0.10 s  fast tick 1
#> 0.20 s  fast tick 2
#> 0.25 s  slow tick 1
#> 0.30 s  fast tick 3
#> 0.40 s  fast tick 4
#> 0.50 s  slow tick 2
#> 6 sleeps totalling 0.9 s took {float>=0.45<0.9} s of wall time
