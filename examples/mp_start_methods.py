"""fork, spawn and forkserver side by side: what a child inherits, and what a pool costs.

For each start method the program starts a ProcessPoolExecutor and waits for its first result:
the program's first pool with that method, then later ones (the best of three). Forkserver pays
once, for its server process; spawn pays for a fresh interpreter in every pool.
"""

import multiprocessing
import multiprocessing.resource_tracker
import resource  # Unix only
import time
from concurrent.futures import ProcessPoolExecutor

SETTING = "as imported"  # main() changes it before it starts any process
LATER_POOLS = 3  # later pools per method: the best one is reported


def report() -> tuple[str, float]:
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    return SETTING, peak_rss_mb


def first_result(context: multiprocessing.context.BaseContext) -> tuple[float, str, float]:
    """Seconds from creating a pool to its first result, and what that worker reported."""
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        seen, rss_mb = pool.submit(report).result(timeout=60)
        elapsed = time.perf_counter() - start  # shutting the pool down is not counted
    return elapsed, seen, rss_mb


def main() -> None:
    global SETTING
    SETTING = "changed in main()"
    print("start methods here:", sorted(multiprocessing.get_all_start_methods()))
    # spawn and forkserver both need the resource tracker process, which the first of them to
    # run would start: start it now, so that neither method's first pool pays for it
    # (ensure_running() is multiprocessing's own, undocumented helper: used here for fair timing).
    multiprocessing.resource_tracker.ensure_running()
    first, later = {}, {}
    for method in ("fork", "spawn", "forkserver"):
        context = multiprocessing.get_context(method)  # explicit: ignores the default
        first[method], seen, rss_mb = first_result(context)
        later[method] = min(first_result(context)[0] for _ in range(LATER_POOLS))
        print(
            f"{method:>10}: child sees SETTING = {seen!r}; first pool {first[method] * 1000:.0f} ms, "
            f"later pool {later[method] * 1000:.0f} ms; child RSS {rss_mb:.0f} MB"
        )
    # Ratios measured side by side in this run: they hold where the absolute times do not.
    print(
        f"first pools against fork: spawn {first['spawn'] / first['fork']:.2f}x, "
        f"forkserver {first['forkserver'] / first['fork']:.2f}x"
    )
    print(
        f"later pools: forkserver / fork {later['forkserver'] / later['fork']:.2f}x, "
        f"spawn / forkserver {later['spawn'] / later['forkserver']:.2f}x"
    )
    print(f"forkserver: first pool / later pool {first['forkserver'] / later['forkserver']:.2f}x")


if __name__ == "__main__":
    main()

# Output (timings and sizes vary; the tests check the ratios: each above 1, forkserver's first pool at least 2x a later one):
# example: processes timing
#> start methods here: ['fork', 'forkserver', 'spawn']
#>       fork: child sees SETTING = 'changed in main()'; first pool {int} ms, later pool {int} ms; child RSS {int} MB
#>      spawn: child sees SETTING = 'as imported'; first pool {int} ms, later pool {int} ms; child RSS {int} MB
#> forkserver: child sees SETTING = 'as imported'; first pool {int} ms, later pool {int} ms; child RSS {int} MB
#> first pools against fork: spawn {float>1}x, forkserver {float>1}x
#> later pools: forkserver / fork {float>1}x, spawn / forkserver {float>1}x
#> forkserver: first pool / later pool {float>=2}x
