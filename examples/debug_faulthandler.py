"""Find a hang with faulthandler: after a timeout it prints the stack of every thread.

The hung program is the deadlock from threads_deadlock.py without its safety timeout: two
threads take two locks in opposite orders. It runs in a child process, so that this script
can show what faulthandler printed there (faulthandler writes to stderr, straight from C).
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

HUNG_PROGRAM = """\
import faulthandler
import threading

faulthandler.dump_traceback_later(1.0, exit=True)  # in 1 s: dump all threads, then exit

a, b = threading.Lock(), threading.Lock()
both_hold_one = threading.Barrier(2)  # makes the bad interleaving happen on every run


def transfer(first, second):
    with first:
        both_hold_one.wait()
        with second:  # waits forever: the other thread holds it, and waits for ours
            pass


threads = [threading.Thread(target=transfer, args=pair) for pair in [(a, b), (b, a)]]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
"""

with tempfile.TemporaryDirectory() as tmp:
    program = Path(tmp, "hung_bank.py")
    program.write_text(HUNG_PROGRAM)
    start = time.perf_counter()
    child = subprocess.run(
        [sys.executable, program], check=False, capture_output=True, text=True, timeout=30
    )
print(f"exit status {child.returncode} after {time.perf_counter() - start:.1f} s; its stderr:")
for line in child.stderr.splitlines():
    # Keep the program's own frames; threading.py's differ from one Python version to the next.
    if line and "threading.py" not in line:
        print(line)

# Output (addresses and timings vary):
#> exit status 1 after {float>=1.0<10} s; its stderr:
#> Timeout (0:00:01)!
#> Thread {...} (most recent call first):
#>   File "{...}/hung_bank.py", line 13 in transfer
#> Thread {...} (most recent call first):
#>   File "{...}/hung_bank.py", line 13 in transfer
#> Thread {...} (most recent call first):
#>   File "{...}/hung_bank.py", line 21 in <module>
