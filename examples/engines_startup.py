"""What each engine costs before it does any work: start-up, one tiny task, memory, shutdown.

Each engine gets 2 worker processes (or CPU slots) and runs a task that does almost nothing,
so what is measured is the engine itself. Linux only (memory is read through psutil, PSS).
"""

import contextlib
import logging
import multiprocessing
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

import psutil

ROUND_TRIPS = 20


def tiny(x: int) -> int:
    return x + 1


def engine_memory() -> tuple[int, float]:
    """Processes this program started, and their memory in MB (PSS: shared pages split fairly)."""
    children = psutil.Process().children(recursive=True)
    total = 0
    for child in children:
        with contextlib.suppress(psutil.Error):  # it may have exited meanwhile
            total += child.memory_full_info().pss
    return len(children), total / 2**20


def measure(name: str, start, run_one, stop) -> tuple[float, float]:
    began = time.perf_counter()
    engine = start()
    run_one(engine, 0)  # the first task: workers may start only now
    start_up = time.perf_counter() - began
    trips = []
    for i in range(ROUND_TRIPS):
        began = time.perf_counter()
        run_one(engine, i)
        trips.append(time.perf_counter() - began)
    per_task = statistics.median(trips)  # the median: one stall on a busy machine does not count
    processes, megabytes = engine_memory()
    began = time.perf_counter()
    stop(engine)
    shutdown = time.perf_counter() - began
    print(
        f"{name}: start {start_up:.2f} s, one tiny task {per_task * 1000:.2f} ms, "
        f"{processes} processes, {megabytes:.0f} MB, shutdown {shutdown:.2f} s"
    )
    return start_up, per_task


def start_joblib():
    from joblib import Parallel

    return Parallel(n_jobs=2)


def run_joblib(parallel, i: int) -> None:
    from joblib import delayed

    parallel([delayed(tiny)(i)])


def stop_joblib(parallel) -> None:
    from joblib.externals.loky import get_reusable_executor

    get_reusable_executor().shutdown(wait=True)  # joblib keeps its workers for the next call


def start_dask():
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=":0",
        # CRITICAL, not ERROR: on a slow machine a worker's last heartbeat can race the
        # scheduler's shutdown and log "Failed to communicate with scheduler" (nothing is lost).
        silence_logs=logging.CRITICAL,
    )
    return cluster, Client(cluster)


def stop_dask(engine) -> None:
    cluster, client = engine
    client.close()
    cluster.close()


def start_ray():
    import ray

    ray.init(
        address="local",
        num_cpus=2,
        object_store_memory=128 * 2**20,
        include_dashboard=False,
        logging_level=logging.ERROR,
    )
    return ray.remote(tiny)


def run_ray(remote_tiny, i: int) -> None:
    import ray

    ray.get(remote_tiny.remote(i))


def stop_ray(remote_tiny) -> None:
    import ray

    ray.shutdown()


if __name__ == "__main__":
    began = time.perf_counter()
    for i in range(ROUND_TRIPS):
        tiny(i)
    print(f"plain call: {(time.perf_counter() - began) / ROUND_TRIPS * 1e6:.2f} µs")
    costs = {}  # engine -> (start-up, one tiny task), all measured in this one run
    costs["ProcessPoolExecutor"] = measure(
        f"ProcessPoolExecutor ({multiprocessing.get_start_method()})",
        lambda: ProcessPoolExecutor(max_workers=2),
        lambda pool, i: pool.submit(tiny, i).result(),
        lambda pool: pool.shutdown(),
    )
    costs["joblib"] = measure("joblib (loky)", start_joblib, run_joblib, stop_joblib)
    costs["Dask"] = measure(
        "Dask LocalCluster",
        start_dask,
        lambda engine, i: engine[1].submit(tiny, i, pure=False).result(),
        stop_dask,
    )
    costs["Ray"] = measure("Ray (local)", start_ray, run_ray, stop_ray)
    print(f"slowest to start: {max(costs, key=lambda name: costs[name][0])}")
    print(f"cheapest tiny task: {min(costs, key=lambda name: costs[name][1])}")

# example: timing timeout=300
# Output (your numbers will differ; a tiny task is the median of 20 round trips; the tests check generous bounds and the two rankings):
#> plain call: {float} µs
#> ProcessPoolExecutor ({...}): start {float<60} s, one tiny task {float<1000} ms, {int} processes, {float} MB, shutdown {float<60} s
#> joblib (loky): start {float<60} s, one tiny task {float<1000} ms, {int} processes, {float} MB, shutdown {float<60} s
#> Dask LocalCluster: start {float<60} s, one tiny task {float<1000} ms, {int} processes, {float} MB, shutdown {float<60} s
#> Ray (local): start {float<60} s, one tiny task {float<1000} ms, {int} processes, {float} MB, shutdown {float<60} s
#> slowest to start: Ray
#> cheapest tiny task: ProcessPoolExecutor
