"""Graceful shutdown of a process pool on SIGTERM: finish the calls running, cancel the rest.

The program runs itself as a child process, sends it SIGTERM once it reports ready (as
`docker stop` or Kubernetes would), and prints what the child printed and its exit status.
"""

import multiprocessing
import select
import signal
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, wait

GRACE = 5.0  # seconds for the calls running: under the orchestrator's grace period (Docker: 10 s)
stopping = False


def on_sigterm(signum: int, frame: object) -> None:
    # Only set a flag: the handler runs in the main thread between two bytecodes, maybe while
    # that thread holds a lock (taking a lock here, as Event.set() does, could deadlock).
    global stopping
    stopping = True


def reset_sigterm() -> None:
    """Worker initializer: under fork a worker inherits the parent's handler; undo that."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def job(n: int) -> int:
    time.sleep(0.5)  # a call that cannot be interrupted halfway without losing its work
    return n


def serve() -> None:
    signal.signal(signal.SIGTERM, on_sigterm)
    with ProcessPoolExecutor(max_workers=2, initializer=reset_sigterm) as executor:
        futures = [executor.submit(job, n) for n in range(20)]  # 5 s of work for 2 workers
        futures[0].result(timeout=30)
        print("ready", flush=True)
        give_up = time.monotonic() + 60
        while not stopping:  # the main thread's own work would go here
            if time.monotonic() > give_up:
                raise TimeoutError("no SIGTERM came")
            time.sleep(0.05)
        # cancel() succeeds only for calls not yet handed to a worker, and at once (unlike
        # shutdown(wait=False, cancel_futures=True), which leaves it to the pool's manager thread).
        cancelled = sum(f.cancel() for f in futures)
        running = [f for f in futures if not f.cancelled()]
        done, late = wait(running, timeout=GRACE)
        if late:  # leaving the `with` block would wait for them: stop the workers instead
            if sys.version_info >= (3, 14):
                executor.terminate_workers()
            else:  # the same by hand: the workers are this process's multiprocessing children
                for worker in multiprocessing.active_children():
                    worker.terminate()
        print(f"SIGTERM: {cancelled} calls cancelled before they started")
        print(f"finished: {len(done)}, still running at the deadline: {len(late)}")
        print("failed:", [repr(f.exception()) for f in done if f.exception()])
    print("pool shut down")


def main() -> None:
    child = subprocess.Popen(
        [sys.executable, "-u", __file__, "serve"], stdout=subprocess.PIPE, text=True
    )
    try:
        ready, _, _ = select.select([child.stdout], [], [], 30)  # POSIX: wait with a timeout
        assert ready and child.stdout.readline() == "ready\n", "the child did not start"
        child.send_signal(signal.SIGTERM)
        output, _ = child.communicate(timeout=GRACE + 10)
    finally:
        if child.poll() is None:  # something went wrong: leave no process behind
            child.kill()
            child.wait()
    print(f"child (exit status {child.returncode}):")
    for line in output.splitlines():
        print(f"  {line}")


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        serve()
    else:
        main()

# Output (counts vary):
# example: processes
#> child (exit status 0):
#>   SIGTERM: {int>=5<=17} calls cancelled before they started
#>   finished: {int>=3<=15}, still running at the deadline: 0
#>   failed: []
#>   pool shut down
