"""Pitfall: a daemon thread is killed mid-work when the program ends; its file stays empty."""

import pathlib
import subprocess
import sys
import tempfile

# The program under test runs in a child interpreter, because the lesson is what happens
# when an interpreter exits.
CHILD = """
import sys, threading, time

def write_report(path):
    with open(path, "w") as report:  # buffered: data reaches the file on flush or close
        for i in range(5):
            report.write(f"line {i}\\n")
            time.sleep(0.1)  # stands for slow work between writes

mode = sys.argv[2]
worker = threading.Thread(target=write_report, args=(sys.argv[1],), daemon=(mode == "daemon"))
worker.start()
if mode == "daemon+join":
    worker.join()  # the fix for daemon threads that must finish: wait for them explicitly
print("main thread is done")
"""

with tempfile.TemporaryDirectory() as tmp:
    for mode in ["daemon", "non-daemon", "daemon+join"]:
        path = pathlib.Path(tmp, f"{mode}.txt")
        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), mode],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        lines = len(path.read_text().splitlines()) if path.exists() else 0
        print(f"{mode:>11}: child said {child.stdout.strip()!r}, report has {lines} of 5 lines")
        assert not child.stderr, child.stderr

# Output:
#>      daemon: child said 'main thread is done', report has 0 of 5 lines
#>  non-daemon: child said 'main thread is done', report has 5 of 5 lines
#> daemon+join: child said 'main thread is done', report has 5 of 5 lines
