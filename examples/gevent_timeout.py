"""Timeouts and cancellation in gevent: gevent.Timeout, joinall(timeout=...), kill()."""

# ruff: noqa: E402 (imports after the patching are the point)

from gevent import monkey

monkey.patch_all()

import gevent
from greenlet_server import latency_server_process

from workloads import LATENCY, fetch


def job(base: str, requests: int) -> str:
    done = 0
    try:
        while done < requests:
            fetch(f"{base}/job{requests}-{done}")
            done += 1
        return f"job {requests}: done"
    except gevent.GreenletExit:  # what kill() raises, where the greenlet waits
        print(f"  job {requests}: killed while waiting for request {done + 1}")
        raise
    finally:
        print(f"  job {requests}: cleaned up")


# Two servers: one that answers after LATENCY, one that is far too slow for the deadlines below.
with latency_server_process() as base, latency_server_process(latency=2.0) as slow:
    # 1. A deadline around any block of (patched) blocking code.
    try:
        with gevent.Timeout(LATENCY / 2):
            fetch(f"{slow}/too-slow")
    except gevent.Timeout as timeout:
        print(f"1. {type(timeout).__name__}: {timeout}")
        print(f"   is it an Exception? {isinstance(timeout, Exception)}")

    # 2. The same, but leave the block silently.
    body = None
    with gevent.Timeout(LATENCY / 2, False):
        body = fetch(f"{slow}/too-slow")
    print(f"2. after a silent timeout, body = {body}")

    # 3. Wait a while for a group; kill what has not finished.
    jobs = [gevent.spawn(job, base, n) for n in (1, 2, 20)]  # 1, 2 and 20 requests in a row
    finished = gevent.joinall(jobs, timeout=10 * LATENCY)
    print(f"3. finished in time: {[g.value for g in finished]}")
    gevent.killall(jobs)  # raises GreenletExit inside the others and waits for them
    print(f"   all dead now: {all(g.dead for g in jobs)}")

# Output:
#> 1. Timeout: 0.05 seconds
#>    is it an Exception? False
#> 2. after a silent timeout, body = None
#>   job 1: cleaned up
#>   job 2: cleaned up
#> 3. finished in time: ['job 1: done', 'job 2: done']
#>   job 20: killed while waiting for request {int}
#>   job 20: cleaned up
#>    all dead now: True
