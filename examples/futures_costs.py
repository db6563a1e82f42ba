"""What a worker and a task cost: thread pool versus process pool, measured side by side."""

import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def noop(x: int) -> int:
    return x


def worker_memory_mib() -> float:
    """This process's proportional share of RAM (PSS), in MiB. Linux only."""
    with open("/proc/self/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no Pss line")


def measure(executor_cls) -> tuple[float, float]:
    start = time.perf_counter()
    with executor_cls(max_workers=2) as executor:
        list(executor.map(noop, range(2)))  # start-up: both workers up, one tiny task each
        started = time.perf_counter() - start
        n = 2_000
        start = time.perf_counter()
        for future in [executor.submit(noop, i) for i in range(n)]:
            future.result()
        per_task = (time.perf_counter() - start) / n
    return started, per_task


if __name__ == "__main__":
    costs = {cls: measure(cls) for cls in (ThreadPoolExecutor, ProcessPoolExecutor)}
    for cls, (started, per_task) in costs.items():
        name = cls.__name__ + ":"
        print(f"{name:21}start {started * 1e3:.1f} ms, {per_task * 1e6:.0f} µs per task")
    ratio = costs[ProcessPoolExecutor][1] / costs[ThreadPoolExecutor][1]
    print(f"per task, the process pool costs {ratio:.1f}x as much")
    with ProcessPoolExecutor(max_workers=1) as executor:
        memory = executor.submit(worker_memory_mib).result()
    print(f"one idle worker process: {memory:.1f} MiB of memory (PSS)")

# Output on Linux (timings vary; the start-up time depends on the start method):
# example: processes timing
#> ThreadPoolExecutor:  start {float} ms, {int} µs per task
#> ProcessPoolExecutor: start {float} ms, {int} µs per task
#> per task, the process pool costs {float>2}x as much
#> one idle worker process: {float} MiB of memory (PSS)
