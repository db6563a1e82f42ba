"""fork, spawn and forkserver side by side: what a child inherits, and what it costs."""

import multiprocessing
import resource  # Unix only
import time

SETTING = "as imported"  # main() changes it before it starts any process
REPEATS = 10  # processes started and joined per method, one after another


def report(results: multiprocessing.Queue) -> None:
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    results.put((SETTING, peak_rss_mb))


def do_nothing() -> None:
    pass


def main() -> None:
    global SETTING
    SETTING = "changed in main()"
    print("start methods here:", sorted(multiprocessing.get_all_start_methods()))
    costs = {}
    for method in ("fork", "spawn", "forkserver"):
        context = multiprocessing.get_context(method)  # explicit: ignores the default
        results = context.Queue()
        process = context.Process(target=report, args=(results,))
        process.start()
        seen, rss_mb = results.get()
        process.join()

        start = time.perf_counter()
        for _ in range(REPEATS):
            process = context.Process(target=do_nothing)
            process.start()
            process.join()
        per_process = costs[method] = (time.perf_counter() - start) / REPEATS
        print(
            f"{method:>10}: child sees SETTING = {seen!r}; "
            f"start + join {per_process * 1000:.0f} ms; child RSS {rss_mb:.0f} MB"
        )
    print("fastest to slowest:", " < ".join(sorted(costs, key=costs.get)))


if __name__ == "__main__":
    main()

# Output (timings and sizes vary):
# example: processes timing
#> start methods here: ['fork', 'forkserver', 'spawn']
#>       fork: child sees SETTING = 'changed in main()'; start + join {int} ms; child RSS {int} MB
#>      spawn: child sees SETTING = 'as imported'; start + join {int} ms; child RSS {int} MB
#> forkserver: child sees SETTING = 'as imported'; start + join {int} ms; child RSS {int} MB
#> fastest to slowest: fork < forkserver < spawn
