"""Pitfall: code that reads state set up in main() works under fork only.

A forked child starts as a copy of the parent's memory, so it sees whatever main() set up. A
spawn or forkserver child imports the module afresh and sees only what the import creates:
the same program breaks on macOS, on Windows, and on Linux from Python 3.14 (forkserver).
"""

import multiprocessing

CONFIG: dict[str, int] = {}  # filled in by main() (say, from a file or the command line)


def scale(n: int) -> int:
    return n * CONFIG["factor"]


def load_config(config: dict[str, int]) -> None:  # the fix: each worker gets it explicitly
    CONFIG.update(config)


def main() -> None:
    CONFIG["factor"] = 10
    for method in ("fork", "spawn", "forkserver"):
        context = multiprocessing.get_context(method)
        with context.Pool(2) as pool:
            try:
                print(f"{method:>10}, global set in main(): {pool.map(scale, [1, 2, 3])}")
            except KeyError as exc:  # raised in the worker, re-raised here by map()
                print(f"{method:>10}, global set in main(): KeyError {exc}")
        with context.Pool(2, initializer=load_config, initargs=(CONFIG,)) as pool:
            print(f"{method:>10}, passed with initargs: {pool.map(scale, [1, 2, 3])}")


if __name__ == "__main__":
    main()

# example: processes
#>       fork, global set in main(): [10, 20, 30]
#>       fork, passed with initargs: [10, 20, 30]
#>      spawn, global set in main(): KeyError 'factor'
#>      spawn, passed with initargs: [10, 20, 30]
#> forkserver, global set in main(): KeyError 'factor'
#> forkserver, passed with initargs: [10, 20, 30]
