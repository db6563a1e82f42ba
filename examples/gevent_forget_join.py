"""Greenlets run only while the main greenlet waits: exit without joining and they never run.

Both versions run in a child process, since the point is what happens when a program ends.
"""

import subprocess
import sys

START = """\
import gevent
def save(name):
    gevent.sleep(0.01)
    print(f"  saved {name}")
jobs = [gevent.spawn(save, name) for name in ("a", "b")]
"""

ENDINGS = {
    "wrong, no join": "",
    "fixed, joinall": "gevent.joinall(jobs)\n",
}

for label, ending in ENDINGS.items():
    program = START + ending + 'print("  main: done")\n'
    child = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=30, check=True
    )
    print(f"{label}:")
    print(child.stdout + child.stderr, end="")

# Output:
#> wrong, no join:
#>   main: done
#> fixed, joinall:
#>   saved a
#>   saved b
#>   main: done
