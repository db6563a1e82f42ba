"""The benchmark harness works: a quick run covers every approach and workload, writes well-formed
JSON, and shows the effects the site's pages rely on, with bounds that hold on any 2-core machine.
The committed full-mode results file (the one the Benchmarks page plots) has the same shape."""

from __future__ import annotations

import json
import math
import subprocess
from pathlib import Path

import pytest

from tests.support.examples import BENCH_RESULTS, find_python
from tests.support.locks import run_lock

ROOT = Path(__file__).resolve().parent.parent
HARNESS = ROOT / "examples" / "benchmark.py"
PUBLISHED = BENCH_RESULTS
pytestmark = pytest.mark.bench
ENGINES = {
    "sequential",
    "threads",
    "processes",
    "multiprocessing.Pool",
    "asyncio",
    "gevent",
    "joblib",
    "dask",
    "ray",
}
WORKLOADS = {"io", "cpu", "mixed", "granularity", "tiny"}


def check_shape(report: dict) -> None:
    assert report["mode"] in ("quick", "full")
    assert report["interleaved"] and report["rounds"] >= 3
    assert {"cpu", "cores", "os", "python", "libraries", "date"} <= report["machine"].keys()
    assert set(report["startup_seconds"]) == ENGINES
    assert {s["engine"] for s in report["startup"]} == ENGINES
    assert {r["engine"] for r in report["results"]} == ENGINES
    for engine in ENGINES:
        assert {r["workload"] for r in report["results"] if r["engine"] == engine} == WORKLOADS
    sizes = {r["tasks"] for r in report["results"] if r["workload"] == "granularity"}
    assert sizes == ({10, 100} if report["mode"] == "quick" else {10, 100, 1000, 10_000})
    # The pools are compared at equal chunksize; chunksize's effect is measured apart.
    assert {r["chunksize"] for r in report["results"]} == {1}
    assert {(r["engine"], r["chunksize"] > 1) for r in report["chunksize"]} == {
        (e, big) for e in ("processes", "multiprocessing.Pool") for big in (False, True)
    }
    for r in report["results"] + report["scaling"] + report["chunksize"] + report["startup"]:
        heavy = report["mode"] == "quick" and r["engine"] in {"joblib", "dask", "ray"}
        assert len(r["seconds"]) == (1 if heavy else report["rounds"])
        assert r["min"] <= r["median"] <= r["max"]
    for r in report["results"] + report["scaling"] + report["chunksize"]:
        assert 0 < r["speedup_min"] <= r["speedup"] <= r["speedup_max"]
        assert math.isfinite(r["speedup_best"]) and r["speedup_best"] > 0
    assert {w["waits"] for w in report["asyncio_waits"]} >= {1, 100, 1000}
    assert set(report["per_task_overhead_us"]) == ENGINES


def figure(report: dict, engine: str, workload: str) -> dict:
    return next(r for r in report["results"] if r["engine"] == engine and r["workload"] == workload)


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory, lock_dir: Path) -> dict:
    out = tmp_path_factory.mktemp("bench") / "quick.json"
    python = find_python("3.13") or find_python("3.12")
    assert python, "the benchmark needs the CPython 3.12+ examples environment"
    # A module fixture runs outside the per-test lock: take it here, alone, as a timing test.
    with run_lock(lock_dir, exclusive=True):
        subprocess.run(
            [python, str(HARNESS), "--quick", "--json", str(out)],
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=180,
        )
    return json.loads(out.read_text())


@pytest.mark.exclusive
def test_quick_run_is_complete_and_shows_the_effects(quick: dict, proof) -> None:
    proof("benchmark harness run (quick mode)", f"{len(quick['results'])} measurements")
    check_shape(quick)
    assert quick["mode"] == "quick"
    # Quick mode: 3 interleaved rounds of small workloads. A slow moment can only make a run
    # slower, never faster, so the bounds use the best round of each side (best vs best): one
    # slow sequential round cannot fake a threads speed-up. Two threads running the CPU-bound
    # workload in parallel would reach ~1.9x on two cores (processes do: 1.8x-1.9x); under the
    # GIL they stay near 1x (0.9x-1.1x measured). 1.5x lies between; on a machine loaded by
    # other work, best vs best of these 0.2 s runs was once measured at 1.32x.
    assert figure(quick, "threads", "cpu")["speedup_best"] < 1.5  # the GIL (standard build)
    # asyncio overlaps the waits: 6 requests of 0.1 s take ~0.1 s, not 0.6 s (~1x if it did not).
    assert figure(quick, "asyncio", "io")["speedup_best"] > 3
    waits = {w["waits"]: w["median"] for w in quick["asyncio_waits"]}
    assert waits[100] < 2 * quick["latency"]  # 100 concurrent waits of 0.1 s: 10 s if serial


def test_published_results_come_from_a_full_run(proof) -> None:
    proof("published benchmark results checked", PUBLISHED.name)
    report = json.loads(PUBLISHED.read_text())
    check_shape(report)
    assert report["mode"] == "full" and report["rounds"] >= 5
    assert {(r["engine"], r["workload"]) for r in report["scaling"]} == {
        ("processes", "cpu"),
        ("threads", "io"),
    }
    if report["machine"]["cores"] >= 2:
        assert figure(report, "processes", "cpu")["speedup"] > 1.3
        assert figure(report, "threads", "cpu")["speedup_best"] < 1.3
