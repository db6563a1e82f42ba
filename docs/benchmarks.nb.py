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
# `--quick` (the default, about 40 s) is what the test suite runs to prove the harness works; only
# `--full` results are published.

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
print(f"{report['mode']} run, {report['rounds']} interleaved rounds, on {m['date'][:10]}")
print(f"CPU: {m['cpu']}, {m['cores']} cores; {m['os']}")
print(f"{m['implementation']} {m['python']} (standard build, with the GIL)")
print("libraries: " + ", ".join(f"{k} {v}" for k, v in m["libraries"].items()))

# %% [markdown]
# ## What was measured, and how
#
# | workload | what one task does | tasks | workers |
# |---|---|---|---|
# | `io` | one HTTP request to the local server, which answers after 0.1 s | 50 | one per request (process-based engines: one per core) |
# | `cpu` | count the primes below 120,000 in pure Python | 8 | one per core |
# | `mixed` | one request, then a quarter of a CPU task | 16 | one per item (process-based engines: one per core) |
# | `granularity` | the primes below 120,000, cut into 10 … 10,000 tasks | 10 … 10,000 | one per core |
# | `tiny` | nothing: returns its argument | 10,000 | one per core |
#
# **Interleaved rounds.** In each round every approach runs once, each in a fresh interpreter,
# one after the other (the order rotates from round to round); then the next round starts. A slow
# moment of the machine therefore hits every approach alike instead of whichever ran then.
#
# **Figures.** Each time is the median of the rounds, with the min–max range (the spread). Each
# speedup is computed *per round*, as the sequential time of that round divided by the approach's
# time in the same round; the table shows the median of those ratios, their min–max, and
# "best/best" (the fastest sequential round against the approach's fastest round, which noise can
# only make slower, never faster).
#
# **Pools at equal chunksize.** `ProcessPoolExecutor.map()` sends one task per message by default
# and `multiprocessing.Pool.map()` batches about four chunks per worker, so comparing the two
# defaults compares chunksizes, not pools. Both run here with `chunksize=1`; the effect of
# chunksize is measured on its own, below.
# Pools and clusters are started (and every worker warmed up) before the workloads are timed;
# their start-up is measured separately, below.

# %%
engines = [s["engine"] for s in report["startup"]]


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
    print(
        f"  {'approach':<21}{'median':>9}{'min–max':>15}{'speedup':>9}{'per round':>12}{'best':>7}"
    )
    for e in engines:
        r = row(e, workload)
        spread = f"{r['min']:.2f}–{r['max']:.2f} s"
        rounds = f"{r['speedup_min']:.1f}–{r['speedup_max']:.1f}"
        print(
            f"  {e:<21}{r['median']:>7.2f} s{spread:>15}{r['speedup']:>8.1f}x"
            f"{rounds:>12}{r['speedup_best']:>6.1f}x"
        )

# %%
# alt: Three bar charts, one per workload (io, cpu, mixed), of each approach's
#   median speedup over sequential on a log scale, with a whisker from the lowest to
#   the highest per-round speedup; bars of at least 1.2x are blue, the others grey.
fig, axes = plt.subplots(1, 3, figsize=(11, 3.8), sharey=True)
for ax, workload in zip(axes, ("io", "cpu", "mixed"), strict=True):
    rows = [row(e, workload) for e in engines]
    speedups = [r["speedup"] for r in rows]
    whiskers = [
        [r["speedup"] - r["speedup_min"] for r in rows],
        [r["speedup_max"] - r["speedup"] for r in rows],
    ]
    ax.barh(
        engines,
        speedups,
        xerr=whiskers,
        capsize=2,
        color=["#3f51b5" if s >= 1.2 else "#9e9e9e" for s in speedups],
    )
    ax.axvline(1, color="black", linewidth=0.8)
    ax.set_title(f"{workload}: speedup vs sequential")
    ax.set_xscale("log")
    ax.grid(axis="x", alpha=0.3)
axes[0].invert_yaxis()
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Start-up and per-task cost
#
# *Start-up* is the time from creating the pool, event loop, hub or client to the **first
# completed task's result** — not an empty constructor: a `ProcessPoolExecutor` starts its worker
# processes only when work arrives, an asyncio loop is created by the first `run()`. It is
# measured once in every round, in a fresh interpreter (so it includes the first import of a
# library's lazily loaded parts, but not `import` itself).
# The *per-task overhead* is measured directly, with 10,000 tasks that do nothing (`chunksize=1`
# for both process pools; joblib batches tiny tasks on its own).

# %%
print(f"{'approach':<21}{'start-up to first result':>26}{'min–max':>22}{'per task':>12}")
for s in report["startup"]:
    micros = report["per_task_overhead_us"][s["engine"]]
    spread = f"{s['min'] * 1000:,.1f}–{s['max'] * 1000:,.1f} ms"
    print(f"{s['engine']:<21}{s['median'] * 1000:>23,.1f} ms{spread:>22}{micros:>9,.0f} µs")

# %% [markdown]
# ## Task granularity: what one more task costs
#
# The same total work (counting the primes below 120,000) is cut into more and more tasks. The
# work stays the same, so time added as the count grows is the approach's own cost per task:
# scheduling, pickling arguments and results, a round trip to a worker. (With only 10 tasks a
# pool can also lose time to imbalance: the pieces with larger numbers take longer.) The bars show
# the min–max over the rounds.

# %%
# alt: Line chart, log-log: wall-clock time of each approach against the number of
#   tasks the same total work is cut into, with min-max bars; a line that rises with
#   the count shows a per-task cost.
sizes = sorted({r["tasks"] for r in report["results"] if r["workload"] == "granularity"})
fig, ax = plt.subplots(figsize=(7, 4))
for e in engines:
    rows = [row(e, "granularity", n) for n in sizes]
    medians = [r["median"] for r in rows]
    ax.errorbar(
        sizes,
        medians,
        yerr=[
            [r["median"] - r["min"] for r in rows],
            [r["max"] - r["median"] for r in rows],
        ],
        fmt="o-",
        capsize=2,
        label=e,
    )
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("number of tasks (same total work)")
ax.set_ylabel("wall-clock time (s)")
ax.legend(fontsize=8, ncol=2)
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# ## chunksize: one task per message, or batches
#
# The two process pools of the standard library, side by side at the same chunksize: one task
# per message (`ProcessPoolExecutor.map()`'s default), then `Pool.map()`'s default chunksize
# (the tasks divided by four times the workers) given to both. The speedup column compares each
# pool with itself at `chunksize=1`, round by round.

# %%
print(
    f"{'pool':<21}{'workload':<13}{'tasks':>7}{'chunksize':>11}{'median':>10}{'min–max':>17}{'speedup':>9}"
)
for r in sorted(report["chunksize"], key=lambda r: (r["workload"], r["engine"], r["chunksize"])):
    spread = f"{r['min']:.3f}–{r['max']:.3f} s"
    print(
        f"{r['engine']:<21}{r['workload']:<13}{r['tasks']:>7,}{r['chunksize']:>11,}"
        f"{r['median']:>8.3f} s{spread:>17}{r['speedup']:>8.1f}x"
    )

# %% [markdown]
# ## Scaling with the number of workers
#
# Left: a process pool on the CPU-bound workload, from one worker up to the number of cores.
# Right: a thread pool on the I/O-bound workload, far beyond the number of cores, because
# waiting threads do not need a core. Speedups are per round, against one worker in the same
# round; the bars show their min–max.

# %%
# alt: Two line charts of speedup against the number of workers, measured (with
#   min-max bars) and ideal: left, a process pool on the CPU-bound workload; right, a
#   thread pool on the I/O-bound workload.
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6))
for ax, engine, workload in ((left, "processes", "cpu"), (right, "threads", "io")):
    rows = sorted(
        (r for r in report["scaling"] if r["engine"] == engine and r["workload"] == workload),
        key=lambda r: r["workers"],
    )
    workers = [r["workers"] for r in rows]
    ax.errorbar(
        workers,
        [r["speedup"] for r in rows],
        yerr=[
            [r["speedup"] - r["speedup_min"] for r in rows],
            [r["speedup_max"] - r["speedup"] for r in rows],
        ],
        fmt="o-",
        capsize=2,
        label="measured",
    )
    ax.plot(workers, workers, ":", color="gray", label="ideal")
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
    print(
        f"{r['engine']:<10} {r['workload']:<4} {r['workers']:>3} workers: {r['speedup']:5.2f}x"
        f" ({r['speedup_min']:.2f}–{r['speedup_max']:.2f})"
    )

# %% [markdown]
# ## How many waits can one asyncio thread hold?
#
# `N` tasks each wait 0.1 s (`asyncio.sleep`) at the same time on one event loop; no server and
# no connection is involved, so what is measured is the loop alone. If scheduling were free,
# every row would take 0.1 s. The columns say where the rest goes:
#
# - **start**: how long after the first task the last one began its wait — creating the tasks and
#   running each up to its `await`;
# - **wake**: how long after the first task woke up the last one did — each timer firing, and each
#   task resuming and finishing;
# - **loop CPU**: the CPU time the loop's thread used (`time.thread_time()`), which is zero while it
#   waits: when it is close to the extra time, the loop itself is the cost, not the machine;
# - **bare timers**: the same number of `loop.call_later()` callbacks, with no task and no
#   coroutine: the floor of the loop's own bookkeeping; **uvloop**: the tasks on uvloop's loop.

# %%
latency = report["latency"]
print(
    f"{'waits':>6}{'time':>9}{'× one':>7}{'start':>8}{'wake':>8}{'loop CPU':>10}"
    f"{'CPU/wait':>10}{'bare timers':>13}{'uvloop':>9}"
)
for w in report["asyncio_waits"]:
    bare = f"{w['callbacks']:.3f} s" if w["callbacks"] is not None else "–"
    uv = f"{w['uvloop']:.3f} s" if w["uvloop"] is not None else "–"
    print(
        f"{w['waits']:>6,}{w['median']:>7.3f} s{w['median'] / latency:>6.2f}x"
        f"{w['spawn']:>6.3f} s{w['wake']:>6.3f} s{w['cpu']:>8.3f} s"
        f"{w['cpu'] / w['waits'] * 1e6:>7.1f} µs{bare:>13}{uv:>9}"
    )
assert all(math.isfinite(w["median"]) for w in report["asyncio_waits"])

most = report["asyncio_waits"][-1]
extra = most["median"] - latency
per_wait = most["cpu"] / most["waits"] * 1e6
print(
    f"\n{most['waits']:,} waits took {extra * 1000:.0f} ms more than one latency; the loop's "
    f"thread used {most['cpu'] * 1000:.0f} ms of CPU in all: {per_wait:.1f} µs per wait."
)
print(
    f"Within 1.2x one latency means {0.2 * latency * 1000:.0f} ms extra for {most['waits']:,} "
    f"waits: {0.2 * latency / most['waits'] * 1e6:.1f} µs per wait. Bare timer callbacks alone "
    f"took {(most['callbacks'] - latency) * 1000:.0f} ms extra, uvloop "
    f"{(most['uvloop'] - latency) * 1000:.0f} ms."
)
print(f"The same {extra * 1000:.0f} ms over a 1 s wait would be {1 + extra:.2f}x one latency.")

# %% [markdown]
# **Where the time of 10,000 waits goes.** This measurement has no server and no connection, so
# neither can be the cost: it is the loop's one thread, which works on every task twice — once to
# create it and run it up to its `await`, once to wake it and let it finish. The "loop CPU" column
# is as large as the time above one latency, or larger (the first tasks wake while the last are
# still being started, so part of the work overlaps the wait). A second core cannot help, since one
# event loop runs on one thread; the cost is per wait, not a share of the latency, so the ratio
# grows with the number of tasks and shrinks with a longer wait. Reaching 1.2× at 10,000 waits of
# 0.1 s needs 2 µs per wait, which a Python task with a coroutine does not reach on this machine
# (the lines above give the measured figures, bare timers and uvloop included). What does work:
# fewer waits per loop (several processes, each with a loop of its own), or longer waits.

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
