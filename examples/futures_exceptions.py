"""An exception raised in a task is stored in its future and raised again by result()."""

import traceback
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def check_positive(n: int) -> int:
    if n < 0:
        raise ValueError(f"negative input: {n}")
    return n


if __name__ == "__main__":
    for executor_cls in (ThreadPoolExecutor, ProcessPoolExecutor):
        print(f"{executor_cls.__name__}:")
        with executor_cls(max_workers=2) as executor:
            good, bad = executor.submit(check_positive, 1), executor.submit(check_positive, -1)
            print("  good:", good.result())
            print("  bad.exception():", repr(bad.exception()))  # waits, returns it, no raise
            try:
                bad.result()  # raises the very exception type the task raised
            except ValueError as exc:
                print("  bad.result() raised:", repr(exc))
                # The traceback shows where the task failed (a thread's frames are right here;
                # a worker process's traceback comes along as text in exc.__cause__).
                text = "".join(traceback.format_exception(exc))
                print("  traceback names check_positive:", "in check_positive" in text)
                print("  __cause__:", type(exc.__cause__).__name__)

# Output:
# example: processes
#> ThreadPoolExecutor:
#>   good: 1
#>   bad.exception(): ValueError('negative input: -1')
#>   bad.result() raised: ValueError('negative input: -1')
#>   traceback names check_positive: True
#>   __cause__: NoneType
#> ProcessPoolExecutor:
#>   good: 1
#>   bad.exception(): ValueError('negative input: -1')
#>   bad.result() raised: ValueError('negative input: -1')
#>   traceback names check_positive: True
#>   __cause__: _RemoteTraceback
