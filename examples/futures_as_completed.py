"""as_completed: handle each result as soon as it is ready, whatever order the calls finish in."""

import time
from concurrent.futures import ThreadPoolExecutor, as_completed

from workloads import fetch, latency_server


def fetch_slowly(url: str, delay: float) -> bytes:
    time.sleep(delay)  # stands in for a server that answers some requests later than others
    return fetch(url)


with latency_server() as url, ThreadPoolExecutor(max_workers=4) as executor:
    delays = {"a": 0.3, "b": 0.0, "c": 0.2, "d": 0.1}
    # Keep a map from each future back to its input: as_completed yields futures, not inputs.
    futures = {
        executor.submit(fetch_slowly, f"{url}/{name}", d): name for name, d in delays.items()
    }
    for future in as_completed(futures):
        print(f"{futures[future]}: {future.result()!r}")  # completion order: varies from run to run

    # Deterministic output from completion-order code: collect, then sort.
    futures = [executor.submit(fetch, f"{url}/{n}") for n in (3, 1, 2)]
    print(sorted(f.result() for f in as_completed(futures)))

    # A timeout on as_completed covers the whole loop and raises TimeoutError.
    futures = [
        executor.submit(fetch_slowly, f"{url}/{n}", d) for n, d in [("slow", 1), ("fast", 0)]
    ]
    try:
        for future in as_completed(futures, timeout=0.5):
            print("in time:", future.result())
    except TimeoutError:
        print(f"TimeoutError: {sum(f.done() for f in futures)} of 2 done after 0.5 s")

# Output: the first four lines may come in any order (here they usually follow the delays).
#? b: b'ok /b'
#? d: b'ok /d'
#? c: b'ok /c'
#? a: b'ok /a'
#> [b'ok /1', b'ok /2', b'ok /3']
#> in time: b'ok /fast'
#> TimeoutError: 1 of 2 done after 0.5 s
