"""Ctrl-C while waiting for Dask futures: cancel what is left, then close client and cluster."""

import logging
import os
import signal
import threading
import time

from dask.distributed import Client, LocalCluster, as_completed


def nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def press_ctrl_c_soon() -> None:
    """SIGINT to this process only: what the client gets when the workers run on other machines."""
    threading.Timer(0.8, os.kill, args=(os.getpid(), signal.SIGINT)).start()


if __name__ == "__main__":
    # Started with SIGINT ignored (nohup, `cmd &`)? Ctrl-C would do nothing: restore the handler.
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=":0",
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster) as client,
    ):
        futures = client.map(nap, [0.5] * 20, pure=False)  # 5 s of work for 2 workers
        press_ctrl_c_soon()
        start = time.perf_counter()
        try:
            for _ in as_completed(futures):
                pass
        except KeyboardInterrupt:
            print(f"KeyboardInterrupt after {time.perf_counter() - start:.1f} s")
            left = [f for f in futures if not f.done()]
            client.cancel(left)  # without this, a remote cluster would run them all anyway
            print(f"finished: {len(futures) - len(left)}, cancelled: {len(left)}")
    # Leaving the with block closed the client, then the workers and the scheduler.
    print(f"all shut down {time.perf_counter() - start:.1f} s after the work was submitted")

# example: sigint
# Output (your numbers will differ):
#> KeyboardInterrupt after {float<2.0} s
#> finished: {int>=0<=6}, cancelled: {int>=14<=20}
#> all shut down {float<10} s after the work was submitted
