"""Ctrl-C while tasks are queued: the plain `with` block runs the whole queue before it lets go."""

import signal
import time
from concurrent.futures import ThreadPoolExecutor

# Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def job(n: int) -> int:
    time.sleep(0.1)
    return n


def press_ctrl_c() -> None:
    signal.raise_signal(signal.SIGINT)  # what the terminal does when you press Ctrl-C


def plain_with() -> None:
    with ThreadPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(job, n) for n in range(30)]  # 1.5 s of work in all
        futures[0].result()
        press_ctrl_c()  # KeyboardInterrupt is raised here; __exit__ runs shutdown(wait=True)


def cancel_on_exit() -> None:
    executor = ThreadPoolExecutor(max_workers=2)
    try:
        futures = [executor.submit(job, n) for n in range(30)]
        futures[0].result()
        press_ctrl_c()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)  # finish running calls, drop the rest


for how in (plain_with, cancel_on_exit):
    start = time.perf_counter()
    try:
        how()
    except KeyboardInterrupt:
        print(
            f"{how.__name__}: KeyboardInterrupt, program free after {time.perf_counter() - start:.2f} s"
        )

# example: sigint
# Output (timings vary):
#> plain_with: KeyboardInterrupt, program free after {float>=1.5} s
#> cancel_on_exit: KeyboardInterrupt, program free after {float<0.5} s
