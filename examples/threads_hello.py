"""The smallest useful thread program: start two threads, wait for both, read their results."""

import threading
import time

results: dict[str, float] = {}  # each thread writes its own key


def wait_and_report(name: str, seconds: float) -> None:
    start = time.perf_counter()
    time.sleep(seconds)  # stands for any blocking call: a request, a file read, a query
    results[name] = time.perf_counter() - start


start = time.perf_counter()
threads = [
    threading.Thread(target=wait_and_report, args=("first", 0.5), name="worker-1"),
    threading.Thread(target=wait_and_report, args=("second", 0.5), name="worker-2"),
]
for thread in threads:
    thread.start()  # runs wait_and_report(...) in a new OS thread; returns at once
print("running:", sorted(t.name for t in threading.enumerate()))
for thread in threads:
    thread.join()  # blocks until that thread's function has returned
elapsed = time.perf_counter() - start

print("results:", sorted(results))
print(f"two 0.5 s waits took {elapsed:.2f} s in all")
print("running:", [t.name for t in threading.enumerate()])

# Output (timings vary):
#> running: ['MainThread', 'worker-1', 'worker-2']
#> results: ['first', 'second']
#> two 0.5 s waits took {float>=0.5<0.9} s in all
#> running: ['MainThread']
