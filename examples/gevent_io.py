"""The I/O-bound workload with gevent: blocking http.client code, made cooperative by patching.

workloads.fetch() is plain blocking http.client code. After monkey.patch_all() its socket calls
switch to gevent's hub while they wait, so many fetches overlap in one OS thread.
"""

# ruff: noqa: E402 (imports after the patching are the point)

from gevent import monkey

monkey.patch_all()  # first: before anything imports socket, ssl, threading or time

import threading
import time

from gevent.pool import Group, Pool
from greenlet_server import latency_server_process

from workloads import fetch

REQUESTS = 20
in_flight = peak = 0


def tracked_fetch(url: str) -> bytes:
    global in_flight, peak
    in_flight += 1  # no lock needed: greenlets only switch inside fetch()
    peak = max(peak, in_flight)
    try:
        return fetch(url)
    finally:
        in_flight -= 1


def main() -> None:
    # Patching turned threads into greenlets: this "thread" runs in our own OS thread.
    native_ids = []
    thread = threading.Thread(target=lambda: native_ids.append(threading.get_native_id()))
    thread.start()
    thread.join()
    same_thread = native_ids == [threading.get_native_id()]
    print(f"a threading.Thread runs in the main OS thread: {same_thread}")

    global peak
    with latency_server_process() as base:  # the server runs in another process (see page)
        urls = [f"{base}/item{i}" for i in range(REQUESTS)]

        start = time.perf_counter()
        bodies = [tracked_fetch(url) for url in urls]
        print(f"sequential: {time.perf_counter() - start:.2f} s, at most {peak} in flight")

        for label, group in (("Pool(5)", Pool(5)), ("Group()", Group())):
            peak = 0
            start = time.perf_counter()
            bodies = group.map(tracked_fetch, urls)  # results in input order
            print(f"{label}: {time.perf_counter() - start:.2f} s, at most {peak} in flight")
        print(f"first results: {bodies[:2]}")


if __name__ == "__main__":
    main()

# example: timing
# Output (timings vary):
#> a threading.Thread runs in the main OS thread: True
#> sequential: {float>=2.0} s, at most 1 in flight
#> Pool(5): {float<1.5} s, at most 5 in flight
#> Group(): {float<1.0} s, at most 20 in flight
#> first results: [b'ok /item0', b'ok /item1']
