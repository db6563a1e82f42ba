"""Ctrl-C while ray.get() waits: the tasks go on unless you cancel them, so cancel, then shut down."""

import logging
import os
import signal
import threading
import time

import ray
from ray.exceptions import TaskCancelledError


@ray.remote
def nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def press_ctrl_c_soon() -> None:
    """What a terminal does on Ctrl-C: SIGINT to every process of the foreground process group."""
    threading.Timer(0.8, os.killpg, args=(os.getpgrp(), signal.SIGINT)).start()


if __name__ == "__main__":
    # Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if os.getpgrp() != os.getpid():
        os.setpgrp()  # a process group of our own, so the simulated Ctrl-C reaches only us
    ray.init(
        address="local",
        num_cpus=2,
        object_store_memory=128 * 2**20,
        include_dashboard=False,
        logging_level=logging.ERROR,
    )
    try:
        refs = [nap.remote(0.5) for _ in range(20)]  # 5 s of work for 2 CPU slots
        start = time.perf_counter()
        press_ctrl_c_soon()
        try:
            ray.get(refs)
        except KeyboardInterrupt:
            # ray.get() notices the signal within about a second.
            print(f"KeyboardInterrupt after {time.perf_counter() - start:.1f} s")
            done_then = len(ray.wait(refs, num_returns=len(refs), timeout=0)[0])
            done_later = len(ray.wait(refs, num_returns=len(refs), timeout=1.5)[0])
            print("tasks kept finishing after Ctrl-C:", done_later > done_then)
            for ref in refs:
                ray.cancel(ref)  # finished tasks ignore it; the others never run (or stop)
        cancelled = 0
        for ref in refs:
            try:
                ray.get(ref, timeout=10)
            except TaskCancelledError:
                cancelled += 1
        print(f"finished: {len(refs) - cancelled}, cancelled: {cancelled}")
    finally:
        ray.shutdown()
    print(f"Ray shut down {time.perf_counter() - start:.1f} s after the work was submitted")

# example: timeout=180 sigint
# Output (your numbers will differ):
#> KeyboardInterrupt after {float<3} s
#> tasks kept finishing after Ctrl-C: True
#> finished: {int>=1<=14}, cancelled: {int>=6<=19}
#> Ray shut down {float<20} s after the work was submitted
