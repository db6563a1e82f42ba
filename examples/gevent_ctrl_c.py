"""Ctrl-C in a gevent program: KeyboardInterrupt reaches the main greenlet; kill the rest."""

# ruff: noqa: E402 (imports after the patching are the point)

from gevent import monkey

monkey.patch_all()

import os
import signal
import subprocess
import sys

import gevent
from greenlet_server import latency_server_process

from workloads import LATENCY, fetch

# Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def crawler(base: str, name: str) -> None:
    done = 0
    try:
        while True:
            fetch(f"{base}/{name}/{done}")
            done += 1
    finally:  # runs when killed: GreenletExit is raised where the greenlet waits
        print(f"  crawler {name}: stopped after {done} requests")


hub = gevent.get_hub()
hub.NOT_ERROR = (*hub.NOT_ERROR, KeyboardInterrupt)  # we handle it: the hub need not print it

with latency_server_process() as base:
    crawlers = [gevent.spawn(crawler, base, name) for name in "abc"]
    # "Press Ctrl-C" after 3.5 round trips: another process sends us SIGINT, as a terminal does.
    user = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import os, time; time.sleep({3.5 * LATENCY}); os.kill({os.getpid()}, 2)",
        ]
    )
    try:
        gevent.joinall(crawlers, timeout=30, raise_error=True)
    except KeyboardInterrupt:
        print("KeyboardInterrupt in the main greenlet: stopping the crawlers")
    finally:  # however the wait ended, no crawler outlives this block
        gevent.killall(crawlers, timeout=5)
    print(f"crawlers all dead: {all(c.dead for c in crawlers)}")
    user.wait(timeout=30)
print("server process stopped; exiting normally")

# example: sigint
# Output (a crawler that was running when SIGINT arrived stops first, so its line may come first):
#? KeyboardInterrupt in the main greenlet: stopping the crawlers
#?   crawler a: stopped after {int>=2<=4} requests
#?   crawler b: stopped after {int>=2<=4} requests
#?   crawler c: stopped after {int>=2<=4} requests
#> crawlers all dead: True
#> server process stopped; exiting normally
