"""Swap ThreadPoolExecutor for ProcessPoolExecutor and writes to shared state silently vanish."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

results: list[int] = []


def collect_square(n: int) -> None:
    results.append(n * n)  # threads: the one list; processes: each worker's own copy


def square(n: int) -> int:
    return n * n


if __name__ == "__main__":
    # The pitfall: the task communicates through a global. Fine in threads, lost in processes.
    for executor_cls in (ThreadPoolExecutor, ProcessPoolExecutor):
        results.clear()
        with executor_cls(max_workers=2) as executor:
            list(executor.map(collect_square, range(5)))
        print(f"{executor_cls.__name__}: results = {sorted(results)}")

    # The fix: return the value and let the executor carry it back. Works with both.
    for executor_cls in (ThreadPoolExecutor, ProcessPoolExecutor):
        with executor_cls(max_workers=2) as executor:
            print(f"{executor_cls.__name__}: returned {list(executor.map(square, range(5)))}")

# Output:
# example: processes
#> ThreadPoolExecutor: results = [0, 1, 4, 9, 16]
#> ProcessPoolExecutor: results = []
#> ThreadPoolExecutor: returned [0, 1, 4, 9, 16]
#> ProcessPoolExecutor: returned [0, 1, 4, 9, 16]
