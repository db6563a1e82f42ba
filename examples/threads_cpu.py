"""CPU-bound work on threads: with the GIL, four threads are no faster than one."""

import sys
import sysconfig
import time
from concurrent.futures import ThreadPoolExecutor

from workloads import CPU_TASKS, count_primes


def run_sequential() -> list[int]:
    return [count_primes(limit) for limit in CPU_TASKS]


def run_threaded() -> list[int]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(count_primes, CPU_TASKS))


free_threaded_build = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
gil_enabled = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True  # 3.13+
print(f"free-threaded build: {free_threaded_build}, GIL enabled: {gil_enabled}")

# Each variant runs twice, in the order A B B A, and keeps its best wall-clock time: load from
# other programs can only slow a run down, and the symmetric order cancels a slow drift.
# CPU time (all threads of the process together) is summed too: divided by the wall-clock time,
# it says how many cores the variant kept busy on average.
wall: dict[str, list[float]] = {"sequential": [], "threaded": []}
cpu: dict[str, float] = {"sequential": 0.0, "threaded": 0.0}
results = {}
for name in ["sequential", "threaded", "threaded", "sequential"]:
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    results[name] = run_sequential() if name == "sequential" else run_threaded()
    wall[name].append(time.perf_counter() - start_wall)
    cpu[name] += time.process_time() - start_cpu
assert results["threaded"] == results["sequential"]

sequential, threaded = min(wall["sequential"]), min(wall["threaded"])
print(f"{len(CPU_TASKS)} tasks, sequential: {sequential:.2f} s")
print(f"{len(CPU_TASKS)} tasks, 4 threads:  {threaded:.2f} s")
print(f"speed-up: {sequential / threaded:.2f}x")
print(f"cores kept busy by the 4 threads: {cpu['threaded'] / sum(wall['threaded']):.2f}")

# example: timing
# Output on a standard (GIL) build; timings vary:
#> free-threaded build: False, GIL enabled: True
#> 8 tasks, sequential: {float} s
#> 8 tasks, 4 threads:  {float} s
#> speed-up: {float<1.3}x
#> cores kept busy by the 4 threads: {float<1.2}
# Output on free-threaded builds (3.14t, 3.15t; GIL disabled, so the 4 threads compute in parallel on >= 2 free cores; timings vary):
#> free-threaded build: True, GIL enabled: False
#> 8 tasks, sequential: {float} s
#> 8 tasks, 4 threads:  {float} s
#> speed-up: {float>1.5}x
#> cores kept busy by the 4 threads: {float>1.5}
