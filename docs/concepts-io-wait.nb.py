# %% [markdown]
# # Notebook: waiting in parallel
#
# This notebook is executed every time the site is built, so the numbers and the chart below come
# from the build machine, not from anybody's keyboard. It asks one question: **how long do N
# requests take when each one waits 0.1 s for the server, one after another versus on N threads?**
#
# The server and the client are the site's shared I/O-bound workload
# ([`examples/workloads.py`](https://github.com/python-multitasking/python-multitasking/blob/main/examples/workloads.py)):
# a local HTTP server on 127.0.0.1 that answers each request after `LATENCY` seconds.

# %%
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib_inline.backend_inline import set_matplotlib_formats

set_matplotlib_formats("svg")  # charts as SVG: a few KB each, sharp at any zoom
plt.rcParams["svg.fonttype"] = "none"  # their labels stay text

sys.path.insert(0, str(Path.cwd().parent / "examples"))  # the notebook runs in docs/
from workloads import LATENCY, fetch, latency_server  # noqa: E402

print(f"Python {sys.version.split()[0]}, server latency {LATENCY} s per request")

# %% [markdown]
# Each size runs twice: a plain loop, then a thread pool with one thread per request.

# %%
sizes = [1, 2, 4, 8, 16]
sequential, threaded = [], []
with latency_server() as url:
    for n in sizes:
        urls = [f"{url}/{i}" for i in range(n)]
        start = time.perf_counter()
        for u in urls:
            fetch(u)
        sequential.append(time.perf_counter() - start)
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=n) as pool:
            list(pool.map(fetch, urls))
        threaded.append(time.perf_counter() - start)

print(f"{'requests':>8}  {'sequential':>10}  {'threads':>8}  speedup")
for n, s, t in zip(sizes, sequential, threaded, strict=True):
    print(f"{n:>8}  {s:>9.2f}s  {t:>7.2f}s  {s / t:>6.1f}x")

# %%
# alt: Line chart of wall-clock time against the number of requests: one after
#   another the time grows by 0.1 s per request; with one thread per request it
#   stays near 0.1 s.
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(sizes, sequential, "o-", label="one after another")
ax.plot(sizes, threaded, "s-", label="one thread per request")
ax.set_xlabel("requests (each waits 0.1 s)")
ax.set_ylabel("wall-clock time (s)")
ax.set_xticks(sizes)
ax.legend()
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# **What to read from it.** The sequential line grows by one latency per request: its time is the
# sum of the waits. The threaded line stays near a single latency: the waits overlap, because a
# thread that blocks on a socket releases the GIL and the other threads go on. This is the
# I/O-bound case where threads (or asyncio) pay off even with the GIL; the
# [Concepts](../concepts/#cpu-bound-or-io-bound) page shows the CPU-bound case, where they do not.
