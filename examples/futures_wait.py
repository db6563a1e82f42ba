"""wait(): block until the first result, the first failure, or all of them; get (done, not_done)."""

import time
from concurrent.futures import (
    ALL_COMPLETED,
    FIRST_COMPLETED,
    FIRST_EXCEPTION,
    ThreadPoolExecutor,
    wait,
)


def job(name: str, seconds: float, fail: bool = False) -> str:
    time.sleep(seconds)
    if fail:
        raise RuntimeError(f"{name} failed")
    return name


def show(label: str, futures: dict, done: set, not_done: set) -> None:
    print(f"{label}: done={sorted(futures[f] for f in done)}", end=" ")
    print(f"not_done={sorted(futures[f] for f in not_done)}")


with ThreadPoolExecutor(max_workers=3) as executor:
    for when in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        futures = {
            executor.submit(job, "fast", 0.1): "fast",
            executor.submit(job, "broken", 0.3, fail=True): "broken",
            executor.submit(job, "slow", 0.6): "slow",
        }
        done, not_done = wait(futures, return_when=when)
        show(when, futures, done, not_done)
        wait(not_done)  # let this round finish before the next one
    # wait() never raises the calls' exceptions: they stay in the futures.
    print([repr(f.exception()) for f in futures if f.exception()])

    # With a timeout, wait() does not raise either: it returns what is done by then.
    futures = {executor.submit(job, "slow", 0.6): "slow"}
    done, not_done = wait(futures, timeout=0.1)
    show("after 0.1 s", futures, done, not_done)

# Output:
#> FIRST_COMPLETED: done=['fast'] not_done=['broken', 'slow']
#> FIRST_EXCEPTION: done=['broken', 'fast'] not_done=['slow']
#> ALL_COMPLETED: done=['broken', 'fast', 'slow'] not_done=[]
#> ["RuntimeError('broken failed')"]
#> after 0.1 s: done=[] not_done=['slow']
