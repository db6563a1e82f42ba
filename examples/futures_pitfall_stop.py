"""A timeout or cancel() cannot stop a call that is running: the task has to stop itself."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor


def crunch(chunks: int, stop: threading.Event | None = None) -> str:
    for done in range(chunks):
        if stop is not None and stop.is_set():
            return f"stopped after {done} chunks"
        time.sleep(0.05)  # one chunk of work
    return f"all {chunks} chunks"


def give_up_after(seconds: float, stop: threading.Event | None = None) -> None:
    start = time.perf_counter()
    with ThreadPoolExecutor() as executor:
        future = executor.submit(crunch, 30, stop)
        try:
            future.result(timeout=seconds)
        except TimeoutError:
            print(f"  gave up waiting; cancel() -> {future.cancel()}")
            if stop is not None:
                stop.set()  # ask the task to stop at its next check
    print(f"  task said {future.result()!r}; the with block ended after", end=" ")
    print(f"{time.perf_counter() - start:.1f} s")


print("pitfall, timeout only:")
give_up_after(0.2)
print("fix, timeout plus a stop event the task checks:")
give_up_after(0.2, threading.Event())

# Output (timings vary):
#> pitfall, timeout only:
#>   gave up waiting; cancel() -> False
#>   task said 'all 30 chunks'; the with block ended after {float>=1.5} s
#> fix, timeout plus a stop event the task checks:
#>   gave up waiting; cancel() -> False
#>   task said 'stopped after {int<30} chunks'; the with block ended after {float<0.6} s
