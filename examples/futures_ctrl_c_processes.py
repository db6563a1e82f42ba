"""Ctrl-C with a process pool: workers ignore SIGINT, the main process cancels what has not started."""

import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor


def ignore_sigint() -> None:
    """Worker initializer: leave Ctrl-C to the main process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def job(n: int) -> int:
    time.sleep(0.2)
    return n


def press_ctrl_c() -> None:
    """What a terminal does on Ctrl-C: SIGINT to every process of the foreground process group."""
    os.killpg(os.getpgrp(), signal.SIGINT)
    time.sleep(1)  # the KeyboardInterrupt is raised in here (or before)


def main() -> None:
    # Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if os.getpgrp() != os.getpid():
        os.setpgrp()  # a process group of our own, so the simulated Ctrl-C reaches only us
    executor = ProcessPoolExecutor(max_workers=2, initializer=ignore_sigint)
    start = time.perf_counter()
    try:
        futures = [executor.submit(job, n) for n in range(20)]  # 2 s of work for 2 workers
        futures[0].result()
        press_ctrl_c()
    except KeyboardInterrupt:
        print("KeyboardInterrupt in the main process only")
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    print(f"pool shut down {time.perf_counter() - start:.1f} s after the start")
    finished = [f for f in futures if not f.cancelled()]
    print(f"finished: {len(finished)}, cancelled: {len(futures) - len(finished)}")
    print("failed:", [repr(f.exception()) for f in finished if f.exception()])


if __name__ == "__main__":
    main()

# Output (timings vary):
# example: processes sigint
#> KeyboardInterrupt in the main process only
#> pool shut down {float<2.0} s after the start
#> finished: {int>=1<=12}, cancelled: {int>=8<=19}
#> failed: []
