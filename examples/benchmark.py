"""Run the site's shared workloads over every approach and write the results as JSON.

    python examples/benchmark.py --quick                 # about 40 s: proves the harness
    python examples/benchmark.py --full --json out.json  # the published figures (about 10-15 min)

The measurement is split into rounds. In every round each approach runs once, in a fresh
interpreter of its own (gevent has to monkey-patch before anything else is imported, and no
engine should inherit another's threads or processes), one after another: sequential, threads,
processes, ... then the next round starts again (in a rotated order). A slow minute on the machine
therefore hits every approach alike, instead of whichever engine happened to run then.

Each figure is the median of the rounds, with the min and max (the spread). A speedup is computed
per round, against the sequential run of the same round, and the median of those ratios is
reported (with their min and max, and the best-vs-best ratio: fastest round against fastest round).
The parent process runs the local latency server that the I/O-bound workloads call.
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
import math  # noqa: E402
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
CHILD_TIMEOUT = 900  # seconds for one engine's round (Dask's 10,000 tiny tasks take ~20 s)


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


def auto_chunksize(tasks: int, workers: int) -> int:
    """multiprocessing.Pool.map's default: about four chunks per worker."""
    return max(1, math.ceil(tasks / (4 * workers)))


# --- engines: __init__ creates the pool/loop/client AND gets one task's result back (timed as
# start-up); warm() then starts every worker (not timed); map() runs a workload; close() ends.


class Engine:
    def warm(self) -> None:
        pass

    def map(self, kind: str, items: list, workers: int, chunksize: int = 1) -> list:
        raise NotImplementedError

    def close(self) -> None:
        pass


class Sequential(Engine):
    def __init__(self):
        assert tiny_task(0) == 0

    def map(self, kind, items, workers, chunksize=1):
        return [TASKS[kind](item) for item in items]


class Threads(Engine):
    def __init__(self):
        with ThreadPoolExecutor(CORES) as pool:
            assert pool.submit(tiny_task, 0).result(timeout=60) == 0

    def map(self, kind, items, workers, chunksize=1):
        with ThreadPoolExecutor(workers) as pool:  # thread start-up is part of every run
            return list(pool.map(TASKS[kind], items, timeout=CHILD_TIMEOUT))


class Processes(Engine):
    def __init__(self):
        self.pools: dict[int, ProcessPoolExecutor] = {CORES: ProcessPoolExecutor(CORES)}
        assert self.pools[CORES].submit(tiny_task, 0).result(timeout=60) == 0

    def warm(self):
        for workers in range(1, CORES + 1):  # a pool per worker count (the scaling runs)
            if workers not in self.pools:
                self.pools[workers] = ProcessPoolExecutor(workers)
            pool = self.pools[workers]
            # start every worker now, outside the timing (with forkserver and spawn the executor
            # starts workers on demand; with fork, all of them at the first submit)
            list(pool.map(abs, range(4 * workers), timeout=60))

    def map(self, kind, items, workers, chunksize=1):
        pool = self.pools[workers]
        return list(pool.map(TASKS[kind], items, chunksize=chunksize, timeout=CHILD_TIMEOUT))

    def close(self):
        for pool in self.pools.values():
            pool.shutdown(cancel_futures=True)


class MultiprocessingPool(Engine):
    def __init__(self):
        import multiprocessing

        self.pool = multiprocessing.Pool(CORES)
        assert self.pool.apply_async(tiny_task, (0,)).get(timeout=60) == 0

    def warm(self):
        self.pool.map(abs, range(4 * CORES), chunksize=1)

    def map(self, kind, items, workers, chunksize=1):
        # chunksize given explicitly: the same as ProcessPoolExecutor's in every comparison
        return self.pool.map_async(TASKS[kind], items, chunksize=chunksize).get(CHILD_TIMEOUT)

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


async def _async_tiny(number: int) -> int:
    return number


class Asyncio(Engine):
    def __init__(self):
        self.runner = asyncio.Runner()  # the loop is created by the first run() call

        async def first():
            return await asyncio.wait_for(asyncio.create_task(_async_tiny(0)), 60)

        assert self.runner.run(first()) == 0

    def map(self, kind, items, workers, chunksize=1):
        async def main():
            limit = asyncio.Semaphore(workers)
            async with asyncio.timeout(CHILD_TIMEOUT):
                return await asyncio.gather(*(_async_task(kind, item, limit) for item in items))

        return self.runner.run(main())

    def close(self):
        self.runner.close()


class Gevent(Engine):
    def __init__(self):
        import gevent.pool

        self.gevent = gevent
        assert gevent.pool.Pool(CORES).spawn(tiny_task, 0).get(timeout=60) == 0

    def map(self, kind, items, workers, chunksize=1):
        with self.gevent.Timeout(CHILD_TIMEOUT):
            return list(self.gevent.pool.Pool(workers).imap(TASKS[kind], items))


class Joblib(Engine):
    def __init__(self):
        from joblib import Parallel, delayed

        self.Parallel, self.delayed = Parallel, delayed
        assert self.Parallel(n_jobs=CORES)([self.delayed(tiny_task)(0)]) == [0]

    def warm(self):
        self.map("tiny", list(range(4 * CORES)), CORES)

    def map(self, kind, items, workers, chunksize=1):
        task = self.delayed(TASKS[kind])  # joblib batches tiny tasks itself (batch_size="auto")
        return self.Parallel(n_jobs=workers, timeout=CHILD_TIMEOUT)(task(item) for item in items)


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
        assert self.client.submit(tiny_task, 0, pure=False).result(timeout=60) == 0

    def warm(self):
        self.client.gather(self.client.map(abs, range(4 * CORES), pure=False))

    def map(self, kind, items, workers, chunksize=1):
        futures = self.client.map(TASKS[kind], items, pure=False)
        return self.client.gather(futures)

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
        assert ray.get(self.remote["tiny"].remote(0), timeout=120) == 0

    def warm(self):
        self.ray.get([self.remote["cpu"].remote(10) for _ in range(4 * CORES)], timeout=120)

    def map(self, kind, items, workers, chunksize=1):
        refs = [self.remote[kind].remote(item) for item in items]
        return self.ray.get(refs, timeout=CHILD_TIMEOUT)

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
# Engines that take seconds to start: quick mode runs them in its first round only.
HEAVY_ENGINES = {"joblib", "dask", "ray"}


# --- what is measured -------------------------------------------------------------------------


def sizes(quick: bool) -> dict:
    """Quick mode: the same workloads, smaller (it proves the harness and the main effects)."""
    if quick:
        return {
            "io": 6,
            "cpu": [CPU_LIMIT // 2] * 4,
            "mixed": 2,
            "granularity": (10, 100),
            "tiny": 200,
            "scaling_io": None,  # the scaling runs: full mode only
            "chunksize": 400,
            "waits": (1, 100, 1000),
            "detail": False,
        }
    return {
        "io": 50,
        "cpu": CPU_TASKS,
        "mixed": 16,
        "granularity": (10, 100, 1000, 10_000),
        "tiny": 10_000,
        "scaling_io": (64, (1, 2, 4, 8, 16, 32, 64)),
        "chunksize": 10_000,
        "waits": (1, 100, 1000, 10_000),
        "detail": True,
    }


def granularity_items(n: int) -> list[tuple[int, int]]:
    """The same total work (primes below CPU_LIMIT) cut into n tasks."""
    edges = [2 + (CPU_LIMIT - 2) * i // n for i in range(n + 1)]
    return list(zip(edges, edges[1:], strict=False))


def plan(engine: str, quick: bool, url: str) -> list[dict]:
    """Every measurement one engine makes in one round."""
    size = sizes(quick)
    urls = [f"{url}/{i}" for i in range(size["io"])]
    runs = [
        {"section": "results", "workload": "io", "items": urls, "workers": len(urls)},
        {"section": "results", "workload": "cpu", "items": size["cpu"], "workers": CORES},
    ]
    mixed = urls[: size["mixed"]]
    runs.append({"section": "results", "workload": "mixed", "items": mixed, "workers": len(mixed)})
    for n in size["granularity"]:
        runs.append(
            {
                "section": "results",
                "workload": "granularity",
                "items": granularity_items(n),
                "workers": CORES,
            }
        )
    # Tasks that do nothing: what remains is the engine's own cost per task.
    tiny = list(range(size["tiny"]))
    runs.append({"section": "results", "workload": "tiny", "items": tiny, "workers": CORES})
    for run in runs:
        run["chunksize"] = 1  # every engine's one-task-per-message path (Pool and executor alike)
        if engine in PROCESS_ENGINES:
            run["workers"] = min(run["workers"], CORES)
    # Speedup against the number of workers: processes on CPU work, threads on waits.
    if engine == "processes" and size["scaling_io"]:
        for w in range(1, CORES + 1):
            runs.append(
                {
                    "section": "scaling",
                    "workload": "cpu",
                    "items": size["cpu"],
                    "workers": w,
                    "chunksize": 1,
                }
            )
    if engine == "threads" and size["scaling_io"]:
        count, workers = size["scaling_io"]
        scaling_urls = [f"{url}/s{i}" for i in range(count)]
        for w in workers:
            runs.append(
                {
                    "section": "scaling",
                    "workload": "io",
                    "items": scaling_urls,
                    "workers": w,
                    "chunksize": 1,
                }
            )
    # chunksize: the same two pools at one task per message and at Pool.map's default chunksize
    if engine in ("processes", "multiprocessing.Pool"):
        n = size["chunksize"]
        for workload, items in (("tiny", list(range(n))), ("granularity", granularity_items(n))):
            for chunksize in (1, auto_chunksize(n, CORES)):
                runs.append(
                    {
                        "section": "chunksize",
                        "workload": workload,
                        "items": items,
                        "workers": CORES,
                        "chunksize": chunksize,
                    }
                )
    return runs


def child(name: str, spec: dict) -> None:
    """Runs in a fresh interpreter: start one engine (timed), run each measurement once, print
    JSON, shut down."""
    start = time.perf_counter()
    engine = ENGINES[name]()  # creates the pool/loop/client and waits for one task's result
    startup = time.perf_counter() - start
    try:
        engine.warm()
        out = {"startup": startup, "runs": []}
        for run in spec["runs"]:
            start = time.perf_counter()
            engine.map(run["workload"], run["items"], run["workers"], run["chunksize"])
            seconds = time.perf_counter() - start
            out["runs"].append(
                {
                    **{k: v for k, v in run.items() if k != "items"},
                    "tasks": len(run["items"]),
                    "seconds": seconds,
                }
            )
        out["waits"] = [many_waits(count, spec["detail"]) for count in spec.get("waits", [])]
    finally:
        engine.close()
    print(json.dumps(out))


def many_waits(count: int, detail: bool = True) -> dict:
    """`count` concurrent waits of LATENCY seconds on one event loop, and where the time goes:
    starting the tasks (the last one begins its wait `spawn` seconds after the first), the wait,
    and waking them (the last wakes `wake` seconds after the first). For comparison, the same
    number of bare timer callbacks (no task, no coroutine), and the same waits on uvloop
    (`detail`: full mode only)."""

    async def wait(marks: list) -> None:
        begun = time.perf_counter()
        await asyncio.sleep(LATENCY)
        marks.append((begun, time.perf_counter()))

    async def tasks() -> dict:
        marks: list = []
        cpu = time.thread_time()
        start = time.perf_counter()
        async with asyncio.timeout(60):
            await asyncio.gather(*(wait(marks) for _ in range(count)))
        end = time.perf_counter()
        return {
            "seconds": end - start,
            "spawn": max(b for b, _ in marks) - start,
            "wake": max(e for _, e in marks) - min(e for _, e in marks),
            "cpu": time.thread_time() - cpu,  # the loop thread's own work: 0 while it waits
        }

    async def callbacks() -> float:
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        left = [count]

        def fire() -> None:
            left[0] -= 1
            if not left[0]:
                done.set_result(None)

        start = time.perf_counter()
        for _ in range(count):
            loop.call_later(LATENCY, fire)
        await asyncio.wait_for(done, 60)
        return time.perf_counter() - start

    result = {"waits": count, **asyncio.run(tasks())}
    result["callbacks"] = asyncio.run(callbacks()) if detail else None
    try:
        import uvloop
    except ImportError:
        uvloop = None
    if uvloop is None or not detail:
        result["uvloop"] = None
    else:
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            result["uvloop"] = runner.run(tasks())["seconds"]
    return result


def run_child(name: str, spec: dict) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--child", name],
        input=json.dumps(spec),  # on stdin: 10,000 task arguments are too long for a command line
        check=True,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
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
    for package in ("gevent", "joblib", "dask", "distributed", "ray", "uvloop"):
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


def summarize(values: list[float], prefix: str = "") -> dict:
    return {
        f"{prefix}median": statistics.median(values),
        f"{prefix}min": min(values),
        f"{prefix}max": max(values),
    }


def key(run: dict) -> tuple:
    return (run["workload"], run["tasks"], run["workers"], run["chunksize"])


def measure(names: list[str], quick: bool, rounds: int, log) -> dict:
    """Interleaved rounds: in round r every engine runs once, the order rotated by r."""
    startup: dict[str, list[float]] = {name: [] for name in names}
    seconds: dict[tuple, dict[int, float]] = {}  # (section, engine, *key) -> {round: seconds}
    waits: dict[int, list[dict]] = {}
    with latency_server() as url:
        for r in range(rounds):
            order = names[r % len(names) :] + names[: r % len(names)]
            for name in order:
                if quick and r > 0 and name in HEAVY_ENGINES:
                    continue  # quick mode: the distributed engines once, for the shape only
                spec = {"runs": plan(name, quick, url), "detail": sizes(quick)["detail"]}
                if name == "asyncio":
                    spec["waits"] = sizes(quick)["waits"]
                began = time.perf_counter()
                out = run_child(name, spec)
                log(f"round {r + 1}: {name} in {time.perf_counter() - began:.1f} s")
                startup[name].append(out["startup"])
                for run in out["runs"]:
                    seconds.setdefault((run["section"], name, *key(run)), {})[r] = run["seconds"]
                for w in out["waits"]:
                    waits.setdefault(w["waits"], []).append(w)
    return {"startup": startup, "seconds": seconds, "waits": waits}


def ratios(base: dict[int, float], other: dict[int, float]) -> dict:
    """Speedup of `other` over `base`: median (and spread) of the per-round ratios, and best
    round against best round, over the rounds both ran in."""
    rounds = sorted(base.keys() & other.keys())
    per_round = [base[r] / other[r] for r in rounds]
    return {
        "speedup": statistics.median(per_round),
        "speedup_min": min(per_round),
        "speedup_max": max(per_round),
        "speedup_best": min(base[r] for r in rounds) / min(other[r] for r in rounds),
    }


def report_from(measured: dict, quick: bool, rounds: int) -> dict:
    seconds = measured["seconds"]
    sections: dict[str, list[dict]] = {"results": [], "scaling": [], "chunksize": []}
    for (section, engine, workload, tasks, workers, chunksize), by_round in seconds.items():
        times = [by_round[r] for r in sorted(by_round)]
        row = {
            "engine": engine,
            "workload": workload,
            "workers": workers,
            "tasks": tasks,
            "chunksize": chunksize,
            "seconds": times,
            **summarize(times),
        }
        if section == "results":
            base = next(
                t
                for (s, e, w, n, *_), t in seconds.items()
                if s == "results" and e == "sequential" and w == workload and n == tasks
            )
            row.update(ratios(base, by_round))
        elif section == "scaling":
            base = next(
                t
                for (s, e, w, n, k, _), t in seconds.items()
                if s == "scaling" and e == engine and w == workload and n == tasks and k == 1
            )
            row.update(ratios(base, by_round))
        else:  # chunksize: against the same engine at chunksize 1
            base = seconds[(section, engine, workload, tasks, workers, 1)]
            row.update(ratios(base, by_round))
        sections[section].append(row)
    waits = []
    for count, runs in sorted(measured["waits"].items()):
        row = {"waits": count, **summarize([w["seconds"] for w in runs])}
        row["seconds"] = [w["seconds"] for w in runs]
        for part in ("spawn", "wake", "cpu", "callbacks", "uvloop"):
            values = [w[part] for w in runs if w[part] is not None]
            row[part] = statistics.median(values) if values else None
        waits.append(row)
    startup = measured["startup"]
    return {
        "per_task_overhead_us": per_task_overhead(sections["results"]),
        "mode": "quick" if quick else "full",
        "repeats": rounds,
        "rounds": rounds,
        "interleaved": True,
        "latency": LATENCY,
        "machine": machine(),
        "startup_seconds": {e: statistics.median(s) for e, s in startup.items()},
        "startup": [{"engine": e, "seconds": s, **summarize(s)} for e, s in startup.items()],
        "results": sections["results"],
        "scaling": sections["scaling"],
        "chunksize": sections["chunksize"],
        "asyncio_waits": waits,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--quick",
        action="store_true",
        help="3 rounds (joblib, Dask, Ray: 1), small sizes (default)",
    )
    mode.add_argument("--full", action="store_true", help="5 rounds, all sizes")
    parser.add_argument("--rounds", type=int, help="override the number of rounds")
    parser.add_argument("--json", type=Path, help="write the results to this file")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated subset")
    args = parser.parse_args()
    quick = not args.full
    rounds = args.rounds or (3 if quick else 5)
    names = args.engines.split(",")
    if "sequential" not in names:
        names.insert(0, "sequential")  # every speedup needs it, measured in the same rounds

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    report = report_from(measure(names, quick, rounds, log), quick, rounds)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    print_table(report)


def per_task_overhead(results: list[dict]) -> dict[str, float]:
    """Microseconds per task for tasks that do nothing: the engine's own cost per task."""
    return {r["engine"]: r["median"] / r["tasks"] * 1e6 for r in results if r["workload"] == "tiny"}


def print_table(report: dict) -> None:
    m = report["machine"]
    print(
        f"{report['mode']} run, {report['rounds']} interleaved rounds, {m['cores']} cores, "
        f"Python {m['python']}"
    )
    print("workload engine                 median   speedup (min-max per round, best/best)")
    for r in report["results"]:
        if r["workload"] in ("io", "cpu"):
            print(
                f"{r['workload']:<8} {r['engine']:<21} {r['median']:7.3f} s "
                f"{r['speedup']:5.2f}x ({r['speedup_min']:.2f}-{r['speedup_max']:.2f}, "
                f"{r['speedup_best']:.2f})"
            )
    for s in report["startup"]:
        micros = report["per_task_overhead_us"][s["engine"]]
        print(
            f"{s['engine']:<21} start-up to first result {s['median'] * 1000:9.1f} ms "
            f"({s['min'] * 1000:.1f}-{s['max'] * 1000:.1f}), per task {micros:8.1f} µs"
        )
    for r in report["chunksize"]:
        print(
            f"chunksize {r['chunksize']:>5} {r['engine']:<21} {r['workload']:<11} "
            f"{r['tasks']:>6} tasks {r['median']:7.3f} s"
        )
    for w in report["asyncio_waits"]:
        line = (
            f"asyncio {w['waits']:>6} concurrent waits of {report['latency']} s: "
            f"{w['median']:.3f} s = {w['median'] / report['latency']:.2f}x (starting the tasks "
            f"{w['spawn']:.3f} s, waking them {w['wake']:.3f} s; loop CPU time {w['cpu']:.3f} s)"
        )
        if w["callbacks"] is not None:
            line += f"; bare timers {w['callbacks']:.3f} s"
        if w["uvloop"] is not None:
            line += f"; uvloop {w['uvloop']:.3f} s"
        print(line)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], json.load(sys.stdin))
    else:
        main()

# example: tested-by=tests/test_benchmarks.py
