"""Pitfall: Ctrl-C reaches every worker, and each one dies printing a KeyboardInterrupt traceback.

A small program runs twice, in a fresh interpreter each time: without, then with an initializer
that makes the workers ignore SIGINT. Its Ctrl-C is sent as a terminal sends it: to the parent
and to every worker process.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

PROGRAM = """
import multiprocessing, os, signal, sys, time

def set_up(started, ignore_sigint):
    global STARTED
    STARTED = started
    if ignore_sigint:  # the fix
        signal.signal(signal.SIGINT, signal.SIG_IGN)

def slow(n):
    STARTED.put(os.getpid())
    time.sleep(0.5)
    return n

if __name__ == "__main__":
    # Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    fixed = sys.argv[1] == "fixed"
    started = multiprocessing.Queue()
    with multiprocessing.Pool(2, set_up, (started, fixed)) as pool:
        pending = pool.map_async(slow, range(20), chunksize=1)
        busy = set()
        while len(busy) < 2:  # wait until both workers are inside slow()
            busy.add(started.get(timeout=10))
        workers = multiprocessing.active_children()
        try:
            for worker in workers:  # what the terminal does on Ctrl-C
                os.kill(worker.pid, signal.SIGINT)
            signal.raise_signal(signal.SIGINT)
            pending.get(timeout=30)
        except KeyboardInterrupt:
            print("parent: KeyboardInterrupt")
            if not fixed:  # let the dying workers finish printing before terminate()
                deadline = time.monotonic() + 3
                for worker in workers:
                    worker.join(timeout=max(0, deadline - time.monotonic()))
"""


def run(program: Path, variant: str) -> None:
    done = subprocess.run(
        [sys.executable, program, variant],
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
    )
    tracebacks = done.stderr.count("Traceback (most recent call last)")
    interrupts = done.stderr.count("\nKeyboardInterrupt")
    print(
        f"{variant}: {done.stdout.strip()}; stderr: {tracebacks} tracebacks, "
        f"{interrupts} KeyboardInterrupt"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        program = Path(folder, "pool_program.py")  # a file: spawn's workers must import it
        program.write_text(PROGRAM)
        for variant in ("plain", "fixed"):
            run(program, variant)


if __name__ == "__main__":
    main()

# example: processes sigint
#> plain: parent: KeyboardInterrupt; stderr: 2 tracebacks, 2 KeyboardInterrupt
#> fixed: parent: KeyboardInterrupt; stderr: 0 tracebacks, 0 KeyboardInterrupt
