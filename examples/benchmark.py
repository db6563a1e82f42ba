"""Run the site's shared workloads over every approach and write the results as JSON.

    python examples/benchmark.py --quick                 # under a minute: proves the harness
    python examples/benchmark.py --full --json out.json  # the published figures (several minutes)

Every approach is measured in a fresh interpreter of its own (gevent has to monkey-patch before
anything else is imported, and no engine should inherit another's threads or processes). The
parent process runs the local latency server that the I/O-bound workloads call. Each figure is
the median of repeated runs with its min and max; every speedup is a ratio against the
sequential run of the same workload, measured in the same run of this script.
"""

import sys

if sys.argv[1:3] == ["--child", "gevent"]:  # must come before any other import
    from gevent import monkey

    monkey.patch_all()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import datetime  # noqa: E402
import importlib.metadata  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor  # noqa: E402
from pathlib import Path  # noqa: E402

from workloads import (  # noqa: E402
    CPU_LIMIT,
    CPU_TASKS,
    LATENCY,
    count_primes,
    fetch,
    fetch_async,
    latency_server,
)

CORES = os.cpu_count() or 1
MIXED_LIMIT = CPU_LIMIT // 4  # the CPU part of one mixed item: about a quarter of a CPU task


# --- the work one task does: top-level functions, so that every engine can pickle them ---------


def cpu_task(limit: int) -> int:
    return count_primes(limit)


def range_task(bounds: tuple[int, int]) -> int:
    return count_primes(bounds[1], start=bounds[0])


def io_task(url: str) -> int:
    return len(fetch(url))


def mixed_task(url: str) -> int:
    return len(fetch(url)) + count_primes(MIXED_LIMIT)


def tiny_task(number: int) -> int:
    return number


TASKS = {
    "cpu": cpu_task,
    "granularity": range_task,
    "io": io_task,
    "mixed": mixed_task,
    "tiny": tiny_task,
}


# --- engines: each starts once per child process and maps a task over items ------------------


class Engine:
    """Start-up in __init__; `map(kind, items, workers)` runs the tasks; `close()` shuts down."""

    def map(self, kind: str, items: list, workers: int) -> list:
        raise NotImplementedError

    def close(self) -> None:
        pass


class Sequential(Engine):
    def map(self, kind, items, workers):
        return [TASKS[kind](item) for item in items]


class Threads(Engine):
    def map(self, kind, items, workers):
        with ThreadPoolExecutor(workers) as pool:
            return list(pool.map(TASKS[kind], items))


class Processes(Engine):
    def __init__(self):
        self.pools: dict[int, ProcessPoolExecutor] = {}
        self.pool(CORES)

    def pool(self, workers: int) -> ProcessPoolExecutor:
        if workers not in self.pools:
            self.pools[workers] = ProcessPoolExecutor(workers)
            list(self.pools[workers].map(abs, range(workers)))  # start every worker now
        return self.pools[workers]

    def map(self, kind, items, workers):
        return list(self.pool(workers).map(TASKS[kind], items))

    def close(self):
        for pool in self.pools.values():
            pool.shutdown()


class MultiprocessingPool(Engine):
    def __init__(self):
        import multiprocessing

        self.pool = multiprocessing.Pool(CORES)
        self.pool.map(abs, range(CORES))

    def map(self, kind, items, workers):
        return self.pool.map(TASKS[kind], items)  # default chunksize: len(items) / (4 * workers)

    def close(self):
        self.pool.close()
        self.pool.join()


async def _async_task(kind: str, item, limit: asyncio.Semaphore):
    async with limit:
        if kind == "io":
            return len(await fetch_async(item))
        if kind == "mixed":
            return len(await fetch_async(item)) + count_primes(MIXED_LIMIT)
        return TASKS[kind](item)  # CPU work runs on the event loop's only thread


class Asyncio(Engine):
    def map(self, kind, items, workers):
        async def main():
            limit = asyncio.Semaphore(workers)
            return await asyncio.gather(*(_async_task(kind, item, limit) for item in items))

        return asyncio.run(main())


class Gevent(Engine):
    def map(self, kind, items, workers):
        import gevent.pool

        return list(gevent.pool.Pool(workers).imap(TASKS[kind], items))


class Joblib(Engine):
    def __init__(self):
        from joblib import Parallel, delayed

        self.Parallel, self.delayed = Parallel, delayed
        self.map("cpu", [10] * CORES, CORES)  # start the loky workers now

    def map(self, kind, items, workers):
        task = self.delayed(TASKS[kind])
        return self.Parallel(n_jobs=workers)(task(item) for item in items)


class Dask(Engine):
    def __init__(self):
        from dask.distributed import Client, LocalCluster

        self.cluster = LocalCluster(
            n_workers=CORES,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
        self.client = Client(self.cluster)
        self.client.gather(self.client.map(abs, range(CORES)))

    def map(self, kind, items, workers):
        return self.client.gather(self.client.map(TASKS[kind], items, pure=False))

    def close(self):
        self.client.close()
        self.cluster.close()


class Ray(Engine):
    def __init__(self):
        import ray

        self.ray = ray
        ray.init(
            num_cpus=CORES,
            include_dashboard=False,
            object_store_memory=200 * 1024 * 1024,
            log_to_driver=False,
            logging_level="ERROR",
        )
        self.remote = {kind: ray.remote(task) for kind, task in TASKS.items()}
        ray.get([self.remote["cpu"].remote(10) for _ in range(CORES)])

    def map(self, kind, items, workers):
        return self.ray.get([self.remote[kind].remote(item) for item in items])

    def close(self):
        self.ray.shutdown()


ENGINES = {
    "sequential": Sequential,
    "threads": Threads,
    "processes": Processes,
    "multiprocessing.Pool": MultiprocessingPool,
    "asyncio": Asyncio,
    "gevent": Gevent,
    "joblib": Joblib,
    "dask": Dask,
    "ray": Ray,
}
# Engines whose workers are processes: more workers than cores cannot help, so they use `cores`.
PROCESS_ENGINES = {"processes", "multiprocessing.Pool", "joblib", "dask", "ray"}


# --- what is measured -------------------------------------------------------------------------


def plan(quick: bool, url: str) -> list[dict]:
    """The measurements, as (workload, tasks, workers, items) records, for every engine."""
    io_requests = 20 if quick else 50
    sizes = (10, 100, 1000) if quick else (10, 100, 1000, 10_000)
    runs = []
    urls = [f"{url}/{i}" for i in range(io_requests)]
    runs.append({"workload": "io", "items": urls, "workers": io_requests})
    runs.append({"workload": "cpu", "items": CPU_TASKS, "workers": CORES})
    mixed = urls[: 8 if quick else 16]
    runs.append({"workload": "mixed", "items": mixed, "workers": len(mixed)})
    for n in sizes:  # the same total work (primes below CPU_LIMIT) cut into n tasks
        edges = [2 + (CPU_LIMIT - 2) * i // n for i in range(n + 1)]
        items = list(zip(edges, edges[1:], strict=False))
        runs.append({"workload": "granularity", "items": items, "workers": CORES})
    # Tasks that do nothing: what remains is the engine's own cost per task.
    runs.append({"workload": "tiny", "items": list(range(sizes[-1])), "workers": CORES})
    return runs


def scaling_plan(quick: bool, url: str) -> list[dict]:
    """Speedup against the number of workers: processes on CPU work, threads on waits."""
    runs = [
        {"engine": "processes", "workload": "cpu", "items": CPU_TASKS, "workers": w}
        for w in range(1, CORES + 1)
    ]
    io_requests = 32 if quick else 64
    urls = [f"{url}/{i}" for i in range(io_requests)]
    for w in (1, 4, 16, io_requests) if quick else (1, 2, 4, 8, 16, 32, 64):
        runs.append({"engine": "threads", "workload": "io", "items": urls, "workers": w})
    return runs


def measure(engine: Engine, run: dict, repeats: int) -> list[float]:
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        engine.map(run["workload"], run["items"], run["workers"])
        seconds.append(time.perf_counter() - start)
    return seconds


def child(name: str, spec: dict) -> None:
    """Runs in a fresh interpreter: start one engine, measure, print JSON, shut down."""
    start = time.perf_counter()
    engine = ENGINES[name]()
    startup = time.perf_counter() - start
    try:
        out = {"startup": startup, "runs": []}
        for planned in spec["runs"]:
            workers = planned["workers"]
            run = dict(planned, workers=min(workers, CORES) if name in PROCESS_ENGINES else workers)
            times = measure(engine, run, spec["repeats"])
            out["runs"].append(
                {
                    **{k: v for k, v in run.items() if k != "items"},
                    "tasks": len(run["items"]),
                    "seconds": times,
                }
            )
        for wait_count in spec.get("asyncio_waits", []):
            out.setdefault("waits", []).append(
                {"waits": wait_count, "seconds": many_waits(wait_count)}
            )
    finally:
        engine.close()
    print(json.dumps(out))


def many_waits(count: int) -> float:
    """asyncio's scheduling capacity: `count` concurrent waits of LATENCY seconds."""

    async def main():
        start = time.perf_counter()
        await asyncio.gather(*(asyncio.sleep(LATENCY) for _ in range(count)))
        return time.perf_counter() - start

    return asyncio.run(main())


def run_child(name: str, spec: dict) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--child", name],
        input=json.dumps(spec),  # on stdin: 10,000 task arguments are too long for a command line
        check=True,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def machine() -> dict:
    cpu = platform.processor() or "unknown"
    with_model = Path("/proc/cpuinfo")
    if with_model.exists():
        for line in with_model.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    versions = {}
    for package in ("gevent", "joblib", "dask", "distributed", "ray"):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = None
    return {
        "cpu": cpu,
        "cores": CORES,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "libraries": versions,
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }


def summarize(times: list[float]) -> dict:
    return {"median": statistics.median(times), "min": min(times), "max": max(times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="one repeat, small sizes (default)")
    mode.add_argument("--full", action="store_true", help="5 repeats, all sizes")
    parser.add_argument("--json", type=Path, help="write the results to this file")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated subset")
    args = parser.parse_args()
    quick = not args.full
    repeats = 1 if quick else 5
    names = args.engines.split(",")
    results, startup, waits = [], {}, []
    with latency_server() as url:
        for name in names:
            spec = {"runs": plan(quick, url), "repeats": repeats}
            if name == "asyncio":
                spec["asyncio_waits"] = [1, 100, 1000] if quick else [1, 100, 1000, 10_000]
            out = run_child(name, spec)
            startup[name] = out["startup"]
            waits.extend(out.get("waits", []))
            results += [{"engine": name, **r, **summarize(r["seconds"])} for r in out["runs"]]
            print(f"measured {name}", file=sys.stderr if not args.json else sys.stdout)
        scaling = []
        for run in scaling_plan(quick, url):
            out = run_child(run["engine"], {"runs": [run], "repeats": repeats})
            r = out["runs"][0]
            scaling.append({"engine": run["engine"], **r, **summarize(r["seconds"])})
    baseline = {
        (r["workload"], r["tasks"]): r["median"] for r in results if r["engine"] == "sequential"
    }
    for r in results:
        r["speedup"] = baseline.get((r["workload"], r["tasks"]), float("nan")) / r["median"]
    for r in scaling:
        single = next(
            s["median"] for s in scaling if s["engine"] == r["engine"] and s["workers"] == 1
        )
        r["speedup"] = single / r["median"]
    report = {
        "per_task_overhead_us": per_task_overhead(results),
        "mode": "quick" if quick else "full",
        "repeats": repeats,
        "latency": LATENCY,
        "machine": machine(),
        "startup_seconds": startup,
        "results": results,
        "scaling": scaling,
        "asyncio_waits": waits,
    }
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    print_table(report)


def per_task_overhead(results: list[dict]) -> dict[str, float]:
    """Microseconds per task for tasks that do nothing: the engine's own cost per task."""
    return {r["engine"]: r["median"] / r["tasks"] * 1e6 for r in results if r["workload"] == "tiny"}


def print_table(report: dict) -> None:
    print(
        f"{report['mode']} run, {report['machine']['cores']} cores, Python {report['machine']['python']}"
    )
    for r in report["results"]:
        if r["workload"] in ("io", "cpu"):
            print(
                f"{r['workload']:<4} {r['engine']:<21} {r['median']:7.3f} s  {r['speedup']:5.1f}x"
            )
    for engine, micros in report["per_task_overhead_us"].items():
        print(f"per-task overhead {engine:<21} {micros:8.1f} µs")
    for w in report["asyncio_waits"]:
        print(
            f"asyncio {w['waits']:>6} concurrent waits of {report['latency']} s: {w['seconds']:.3f} s"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], json.load(sys.stdin))
    else:
        main()

# example: tested-by=tests/test_benchmarks.py
