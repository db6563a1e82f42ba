"""A toy hub in 30 lines: ordinary functions that wait switch away, with no `await` anywhere.

gevent works the same way with a real event loop and real sockets; here time is simulated,
so the output is the same on every run.
"""

import heapq
import itertools

from greenlet import getcurrent, greenlet

clock = 0.0  # simulated seconds
timers: list[tuple[float, int, greenlet]] = []  # (when to resume, tie-breaker, who)
tie_breaker = itertools.count()


def run_hub() -> None:
    global clock
    while timers:
        clock, _, task = heapq.heappop(timers)
        task.switch()  # run it until it switches back to the hub (or ends)


hub = greenlet(run_hub)


def spawn(function, *args) -> None:
    task = greenlet(lambda: function(*args), parent=hub)  # a finished task returns to the hub
    heapq.heappush(timers, (clock, next(tie_breaker), task))


def sleep(seconds: float) -> None:  # an ordinary function...
    heapq.heappush(timers, (clock + seconds, next(tie_breaker), getcurrent()))
    hub.switch()  # ...with a hidden yield point: whoever called us is paused here


def read_config(name: str) -> str:  # ordinary, and does not know that sleep() switches
    sleep(0.2 if name == "slow" else 0.1)
    return f"{name} config"


def load(name: str) -> None:  # ordinary caller of an ordinary function
    print(f"{clock:.1f} {name}: start")
    text = read_config(name)
    print(f"{clock:.1f} {name}: got {text!r}")


spawn(load, "slow")
spawn(load, "fast")
hub.switch()  # run everything; the hub returns here (its parent) when no timer is left
print(f"{clock:.1f} all done")

# Output:
#> 0.0 slow: start
#> 0.0 fast: start
#> 0.1 fast: got 'fast config'
#> 0.2 slow: got 'slow config'
#> 0.2 all done
