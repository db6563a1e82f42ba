"""Patching late vs patching first: the same program, run twice in fresh interpreters.

Each version runs in its own child process, because patching cannot be undone: once a
process is patched, it stays patched. The child prints warnings and "unraisable" errors to
stdout, and this parent also shows whatever the child wrote to stderr.
"""

import subprocess
import sys

PATCH = """\
from gevent import monkey
monkey.patch_all()
"""

SETUP = """\
import sys, threading, time, warnings
warnings.showwarning = lambda message, category, *_: print(f"  {category.__name__}: {str(message).split(',')[0]}")
sys.unraisablehook = lambda u: print(f"  {u.err_msg.split(' <')[0]}: {u.exc_type.__name__}")
from ssl import SSLContext  # urllib3 (used by requests) does this when imported
from time import sleep  # a name bound to the original, blocking function
stop = threading.Event()
worker = threading.Thread(target=stop.wait)  # say, a library's background thread
worker.start()
"""

MAIN = """\
import gevent
start = time.perf_counter()
gevent.joinall([gevent.spawn(sleep, 0.1) for _ in range(5)])
print(f"  5 greenlets slept 0.1 s each: {time.perf_counter() - start:.2f} s in all")
stop.set()
worker.join()
"""

PROGRAMS = {"patched first": PATCH + SETUP + MAIN, "patched late": SETUP + PATCH + MAIN}

for label, program in PROGRAMS.items():
    child = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=30, check=False
    )
    print(f"{label} (exit status {child.returncode}):")
    print(child.stdout, end="")
    print(f"  stderr: {child.stderr!r}")

# example: timing
# Output (timings vary):
#> patched first (exit status 0):
#>   5 greenlets slept 0.1 s each: {float<0.4} s in all
#>   stderr: ''
#> patched late (exit status 0):
#>   MonkeyPatchWarning: Monkey-patching ssl after ssl has already been imported may lead to errors
#>   5 greenlets slept 0.1 s each: {float>=0.5} s in all
#>   Exception ignored in thread started by: KeyError
#>   stderr: ''
