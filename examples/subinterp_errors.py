"""Results, exceptions, timeouts and cancellation with InterpreterPoolExecutor."""

import time
from concurrent.futures import wait

try:
    from concurrent.futures import InterpreterPoolExecutor  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport.concurrent.futures import InterpreterPoolExecutor

with InterpreterPoolExecutor(max_workers=1) as pool:
    # 1. An exception in the worker is pickled back and re-raised by result(), with the
    #    worker-side ExecutionFailed attached as its __cause__.
    future = pool.submit(int, "forty-two")
    try:
        future.result()
    except ValueError as exc:
        print(f"result() raised {type(exc).__name__}: {exc}")
        print(f"  caused by: {type(exc.__cause__).__name__}")

    # 2. A timeout on result() stops the waiting, not the work: a running call cannot be
    #    cancelled, in an interpreter just as in a thread.
    start = time.perf_counter()
    slow = pool.submit(time.sleep, 0.6)
    queued = [pool.submit(time.sleep, 0.6) for _ in range(3)]  # wait behind `slow`
    try:
        slow.result(timeout=0.2)
    except TimeoutError:
        print(f"no result after {time.perf_counter() - start:.1f} s; running: {slow.running()}")
    print(f"cancel() on the running call: {slow.cancel()}")

    # 3. Calls still in the queue can be cancelled.
    print(f"cancel() on the queued calls: {[f.cancel() for f in queued]}")
    wait([slow])
    print(f"the running call finished after {time.perf_counter() - start:.1f} s")

# example: python>=3.13
# Output (timings vary):
#> result() raised ValueError: invalid literal for int() with base 10: 'forty-two'
#>   caused by: ExecutionFailed
#> no result after {float>=0.2<0.5} s; running: True
#> cancel() on the running call: False
#> cancel() on the queued calls: [True, True, True]
#> the running call finished after {float>=0.6<1.5} s
