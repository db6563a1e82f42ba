"""Find a hang with py-spy: read the stacks of a running program from outside, without
changing or restarting it. Here the program is the lock-ordering deadlock of
threads_deadlock.py, without its safety timeout.
"""

import os
import signal
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

PY_SPY = str(Path(sysconfig.get_path("scripts")) / "py-spy")  # pip install py-spy

HUNG_PROGRAM = """\
import threading
import time

a, b = threading.Lock(), threading.Lock()
both_hold_one = threading.Barrier(3)  # the two threads, and the main thread to report it


def transfer(first, second):
    with first:
        both_hold_one.wait()
        with second:  # waits forever: the other thread holds it, and waits for ours
            pass


threads = [threading.Thread(target=transfer, args=pair) for pair in [(a, b), (b, a)]]
for thread in threads:
    thread.start()
both_hold_one.wait()
time.sleep(0.2)
print("hung", flush=True)
for thread in threads:
    thread.join()
"""

# py-spy reads another process's memory, which Linux allows to root, to a holder of
# CAP_SYS_PTRACE, or, under the usual Yama setting (ptrace_scope = 1), to the target's
# ancestors. So a small launcher starts the hung program, then turns into py-spy (exec):
# py-spy becomes the parent of the program it inspects and needs no privilege.
LAUNCHER = """\
import os, subprocess, sys
program = subprocess.Popen(
    [sys.executable, sys.argv[1]], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
)
program.stdout.readline()  # "hung": both threads wait for each other's lock
print(program.pid, flush=True)
os.execv(sys.argv[2], [sys.argv[2], "dump", "--pid", str(program.pid)])
"""

with tempfile.TemporaryDirectory() as tmp:
    program = Path(tmp, "hung_bank.py")
    program.write_text(HUNG_PROGRAM)
    launcher = subprocess.run(
        [sys.executable, "-c", LAUNCHER, str(program), PY_SPY],
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
    )
pid, _, dump = launcher.stdout.partition("\n")
os.kill(int(pid), signal.SIGKILL)  # py-spy only looked; the program is still hung: end it
print(f"py-spy dump exit status: {launcher.returncode}")
for line in dump.splitlines():
    # Keep the program's own frames; threading.py's differ from one Python version to the next.
    if line and "threading.py" not in line:
        print(line)

# Output (process and thread ids vary):
# example: needs=py-spy
#> py-spy dump exit status: 0
#> Process {int}: {...}/python {...}/hung_bank.py
#> Python v{...}
#> Thread {int} (idle): "MainThread"
#>     <module> (hung_bank.py:22)
#> Thread {int} (idle): "Thread-1 (transfer)"
#>     transfer (hung_bank.py:11)
#> Thread {int} (idle): "Thread-2 (transfer)"
#>     transfer (hung_bank.py:11)
