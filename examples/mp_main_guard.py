"""Why `if __name__ == "__main__":` matters: spawn and forkserver children import the main script.

This example writes two tiny scripts, one without the guard and one with it, and runs each
in a fresh interpreter (as `python script.py` would) under each start method.
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

UNGUARDED = """
import multiprocessing, sys

def work():
    pass

context = multiprocessing.get_context(sys.argv[1])
process = context.Process(target=work)
process.start()  # a spawn/forkserver child re-runs this line while importing the script
process.join()
print("exit code", process.exitcode)
"""

GUARDED = """
import multiprocessing, sys

def work():
    pass

if __name__ == "__main__":  # the child imports this file as "__mp_main__": skipped there
    context = multiprocessing.get_context(sys.argv[1])
    process = context.Process(target=work)
    process.start()
    process.join()
    print("exit code", process.exitcode)
"""


def run(script: Path, method: str) -> None:
    done = subprocess.run(
        [sys.executable, script, method], check=False, capture_output=True, text=True, timeout=30
    )
    # The child's RuntimeError message spans several lines: show its type and first words.
    error = re.search(
        r"(\w+Error):\s+(An attempt has been made to start a new process)", done.stderr
    )
    shown = f"{error[1]}: {error[2]} ..." if error else ""
    print(f"{script.stem:>9} {method:>10}: {done.stdout.strip():<11} {shown}".rstrip())


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, code in [("unguarded", UNGUARDED), ("guarded", GUARDED)]:
            script = Path(folder, f"{name}.py")
            script.write_text(code)
            for method in ("fork", "spawn", "forkserver"):
                run(script, method)


if __name__ == "__main__":
    main()

# example: processes
#> unguarded       fork: exit code 0
#> unguarded      spawn: exit code 1 RuntimeError: An attempt has been made to start a new process ...
#> unguarded forkserver: exit code 1 RuntimeError: An attempt has been made to start a new process ...
#>   guarded       fork: exit code 0
#>   guarded      spawn: exit code 0
#>   guarded forkserver: exit code 0
