"""Pitfall: a future nobody keeps is released, and a task that has not started yet never runs."""

import logging
import os
import tempfile
import time

from dask.distributed import Client, LocalCluster, fire_and_forget, wait


def nap(seconds: float) -> None:
    time.sleep(seconds)


def write_note(path: str) -> None:
    with open(path, "w") as file:
        file.write("done")


if __name__ == "__main__":
    with (
        tempfile.TemporaryDirectory() as folder,
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        note = os.path.join(folder, "note.txt")

        busy = client.map(nap, [0.5, 0.5], pure=False)  # both workers are busy for a while
        client.submit(write_note, note)  # the future is dropped at once, the task queued
        wait(busy)
        time.sleep(0.5)
        print("the problem - note written:", os.path.exists(note))

        # Fix: keep the future (and wait for it), or hand the task over with fire_and_forget().
        busy = client.map(nap, [0.5, 0.5], pure=False)
        fire_and_forget(client.submit(write_note, note))
        wait(busy)
        deadline = time.monotonic() + 10
        while not os.path.exists(note) and time.monotonic() < deadline:
            time.sleep(0.05)
        print("the fix - note written:", os.path.exists(note))

# Output:
#> the problem - note written: False
#> the fix - note written: True
