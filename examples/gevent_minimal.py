"""gevent in a nutshell: patch first, spawn greenlets, join them, read their results."""

# ruff: noqa: E402 (imports after the patching are the point)

from gevent import monkey

monkey.patch_all()  # the very first thing the program does (see "Monkey-patching")

import time

import gevent


def job(name: str, seconds: float) -> str:
    print(f"{name}: start")
    time.sleep(seconds)  # patched: parks this greenlet and switches to gevent's hub
    print(f"{name}: done")
    return name.upper()


start = time.perf_counter()
greenlets = [gevent.spawn(job, "a", 0.2), gevent.spawn(job, "b", 0.1), gevent.spawn(job, "c", 0.3)]
gevent.joinall(greenlets, raise_error=True)  # wait for all; re-raise the first failure
elapsed = time.perf_counter() - start
print(f"results: {[g.value for g in greenlets]}")
print(f"sleeps of 0.2 + 0.1 + 0.3 s took {elapsed:.2f} s in one thread")

# example: timing
# Output (timings vary):
#> a: start
#> b: start
#> c: start
#> b: done
#> a: done
#> c: done
#> results: ['A', 'B', 'C']
#> sleeps of 0.2 + 0.1 + 0.3 s took {float>=0.3<0.55} s in one thread
