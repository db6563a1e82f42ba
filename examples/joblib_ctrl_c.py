"""Ctrl-C during Parallel(): joblib stops its loky workers, so no work keeps running behind you."""

import os
import signal
import threading
import time

from joblib import Parallel, delayed


def job(n: int) -> int:
    time.sleep(0.5)
    return os.getpid()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def press_ctrl_c_soon() -> None:
    """What a terminal does on Ctrl-C: SIGINT to every process of the foreground process group."""
    threading.Timer(0.8, os.killpg, args=(os.getpgrp(), signal.SIGINT)).start()


if __name__ == "__main__":
    # Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if os.getpgrp() != os.getpid():
        os.setpgrp()  # a process group of our own, so the simulated Ctrl-C reaches only us
    workers = set(Parallel(n_jobs=2)(delayed(job)(n) for n in range(2)))  # start the workers
    start = time.perf_counter()
    press_ctrl_c_soon()
    try:
        Parallel(n_jobs=2)(delayed(job)(n) for n in range(20))  # 5 s of work for 2 workers
    except KeyboardInterrupt:
        print(f"KeyboardInterrupt after {time.perf_counter() - start:.1f} s")
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    print("old workers still alive:", any(alive(pid) for pid in workers))
    # The next Parallel() call simply starts fresh workers.
    print("next call works:", len(Parallel(n_jobs=2)(delayed(job)(n) for n in range(4))) == 4)

# example: sigint
# Output (your numbers will differ):
#> KeyboardInterrupt after {float<2.0} s
#> old workers still alive: False
#> next call works: True
