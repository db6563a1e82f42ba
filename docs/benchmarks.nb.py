# %% [markdown]
# # Benchmarks: every approach on the same workloads
#
# One harness, [`examples/benchmark.py`](../benchmark-harness/), runs the site's shared workloads over every
# approach the site covers and writes one JSON file. The file plotted here,
# [`results.json`](../benchmarks/results.json), comes from a full run of that harness on the machine
# named just below; this page is regenerated from it every time the site is built, so the charts
# and tables cannot drift from the data.
#
# **Reproduce it on your machine** (the numbers will differ; the shape should not):
#
# ```bash
# make setup   # the README's environments: CPython 3.13 with gevent, joblib, Dask and Ray
# .venv/examples-3.13/bin/python examples/benchmark.py --full --json docs/benchmarks/results.json
# ```
#
# `--quick` (the default) finishes in under a minute and is what the test suite runs to prove the
# harness works; only `--full` results (5 repeats) are published.

# %%
import json
import math
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib_inline.backend_inline import set_matplotlib_formats

set_matplotlib_formats("svg")  # charts as SVG: a few KB each, sharp at any zoom
plt.rcParams["svg.fonttype"] = "none"  # their labels stay text

report = json.loads(Path("benchmarks/results.json").read_text())
m = report["machine"]
print(f"{report['mode']} run, {report['repeats']} repeats, on {m['date'][:10]}")
print(f"CPU: {m['cpu']}, {m['cores']} cores; {m['os']}")
print(f"{m['implementation']} {m['python']} (standard build, with the GIL)")
print("libraries: " + ", ".join(f"{k} {v}" for k, v in m["libraries"].items()))

# %% [markdown]
# ## What was measured
#
# | workload | what one task does | tasks | workers |
# |---|---|---|---|
# | `io` | one HTTP request to the local server, which answers after 0.1 s | 50 | one per request (process-based engines: one per core) |
# | `cpu` | count the primes below 120,000 in pure Python | 8 | one per core |
# | `mixed` | one request, then a quarter of a CPU task | 16 | one per item (process-based engines: one per core) |
# | `granularity` | the primes below 120,000, cut into 10 … 10,000 tasks | 10 … 10,000 | one per core |
# | `tiny` | nothing: returns its argument | 10,000 | one per core |
#
# Every figure is the median of the repeats, with the min–max range; every speedup divides the
# sequential median of the same workload by the approach's median, both from the same run.
# Each approach runs in a fresh interpreter; pools and clusters are started (and their workers
# warmed up) before timing, and their start-up is measured separately below.

# %%
engines = list(report["startup_seconds"])


def row(engine, workload, tasks=None):
    return next(
        r
        for r in report["results"]
        if r["engine"] == engine
        and r["workload"] == workload
        and (tasks is None or r["tasks"] == tasks)
    )


for workload in ("io", "cpu", "mixed"):
    print(f"\n{workload}: {row('sequential', workload)['tasks']} tasks")
    print(f"  {'approach':<22}{'median':>9}{'min–max':>17}{'speedup':>9}")
    for e in engines:
        r = row(e, workload)
        spread = f"{r['min']:.2f}–{r['max']:.2f} s"
        print(f"  {e:<22}{r['median']:>7.2f} s{spread:>17}{r['speedup']:>8.1f}x")

# %%
# alt: Three bar charts, one per workload (io, cpu, mixed), of each approach's
#   speedup over sequential on a log scale; bars of at least 1.2x are blue, the
#   others grey.
fig, axes = plt.subplots(1, 3, figsize=(11, 3.8), sharey=True)
for ax, workload in zip(axes, ("io", "cpu", "mixed"), strict=True):
    speedups = [row(e, workload)["speedup"] for e in engines]
    ax.barh(engines, speedups, color=["#3f51b5" if s >= 1.2 else "#9e9e9e" for s in speedups])
    ax.axvline(1, color="black", linewidth=0.8)
    ax.set_title(f"{workload}: speedup vs sequential")
    ax.set_xscale("log")
    ax.grid(axis="x", alpha=0.3)
axes[0].invert_yaxis()
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Task granularity: what one more task costs
#
# The same total work (counting the primes below 120,000) is cut into more and more tasks. The
# work stays the same, so time added as the count grows is the approach's own cost per task:
# scheduling, pickling arguments and results, a round trip to a worker. (With only 10 tasks a
# pool can also lose time to imbalance: the pieces with larger numbers take longer.) The
# per-task overhead in the table is measured directly, with 10,000 tasks that do nothing.

# %%
# alt: Line chart, log-log: wall-clock time of each approach against the number of
#   tasks the same total work is cut into; a line that rises with the count shows a
#   per-task cost.
sizes = sorted({r["tasks"] for r in report["results"] if r["workload"] == "granularity"})
fig, ax = plt.subplots(figsize=(7, 4))
for e in engines:
    ax.plot(sizes, [row(e, "granularity", n)["median"] for n in sizes], "o-", label=e)
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("number of tasks (same total work)")
ax.set_ylabel("wall-clock time (s)")
ax.legend(fontsize=8, ncol=2)
ax.grid(alpha=0.3)
plt.show()

print(f"{'approach':<22}{'per-task overhead':>18}{'start-up':>12}")
for e in engines:
    micros = report["per_task_overhead_us"][e]
    print(f"{e:<22}{micros:>15.0f} µs{report['startup_seconds'][e]:>10.2f} s")

# %% [markdown]
# ## Scaling with the number of workers
#
# Left: a process pool on the CPU-bound workload, from one worker up to the number of cores.
# Right: a thread pool on the I/O-bound workload, far beyond the number of cores, because
# waiting threads do not need a core.

# %%
# alt: Two line charts of speedup against the number of workers, measured and ideal:
#   left, a process pool on the CPU-bound workload; right, a thread pool on the
#   I/O-bound workload.
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6))
for ax, engine, workload in ((left, "processes", "cpu"), (right, "threads", "io")):
    runs = sorted(
        (r["workers"], r["speedup"])
        for r in report["scaling"]
        if r["engine"] == engine and r["workload"] == workload
    )
    ax.plot([w for w, _ in runs], [s for _, s in runs], "o-", label="measured")
    ax.plot([w for w, _ in runs], [w for w, _ in runs], ":", color="gray", label="ideal")
    ax.set_title(f"{engine}, {workload}-bound")
    ax.set_xlabel("workers")
    ax.set_ylabel("speedup vs 1 worker")
    ax.legend()
    ax.grid(alpha=0.3)
right.set_xscale("log", base=2)
right.set_yscale("log", base=2)
fig.tight_layout()
plt.show()

for r in sorted(report["scaling"], key=lambda r: (r["engine"], r["workers"])):
    print(f"{r['engine']:<10} {r['workload']:<4} {r['workers']:>3} workers: {r['speedup']:5.2f}x")

# %% [markdown]
# ## How many waits can one asyncio thread hold?
#
# `N` tasks each wait 0.1 s at the same time on one event loop. If scheduling were free, every
# row would take 0.1 s; the ratio shows what the scheduling of `N` tasks costs.

# %%
for w in report["asyncio_waits"]:
    ratio = w["seconds"] / report["latency"]
    print(f"{w['waits']:>6} concurrent waits: {w['seconds']:.3f} s = {ratio:.2f} x one wait")
assert all(math.isfinite(w["seconds"]) for w in report["asyncio_waits"])

# %% [markdown]
# ## Reading the results
#
# - **Waiting** (`io`): asyncio, gevent and threads overlap all the waits of one process;
#   process-based engines overlap only as many as they have workers, so they are the wrong tool.
# - **Computing** (`cpu`): only process-based engines beat sequential on a standard build; threads,
#   asyncio and gevent stay at about 1×, which is the GIL at work.
# - **Overheads** decide small tasks: the per-task cost and the start-up above are what a
#   parallel run must win back before it is faster. See [Choosing an approach](../choosing/).
#
# How each number is produced, and the whole harness: [How the benchmarks are measured](../benchmark-harness/).
