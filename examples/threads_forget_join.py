"""Pitfall: reading results before the threads are done. Fix: join() them first."""

import threading

from workloads import fetch, latency_server

results: list[bytes] = []  # list.append is a single operation: safe from several threads


def fetch_into_results(url: str) -> None:
    results.append(fetch(url))


with latency_server(latency=0.5) as base_url:
    threads = [
        threading.Thread(target=fetch_into_results, args=(f"{base_url}/{i}",)) for i in range(5)
    ]
    for thread in threads:
        thread.start()
    # Bug: start() does not wait, so nothing has come back yet.
    print(f"right after start(): {len(results)} of 5 results")

    # Fix: join() every thread before you use what they produce (and before the server goes).
    for thread in threads:
        thread.join()
    print(f"after join():        {len(results)} of 5 results")

# Output:
#> right after start(): 0 of 5 results
#> after join():        5 of 5 results
