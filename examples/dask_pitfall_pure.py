"""Pitfall: Client.submit() assumes a pure function, so the same call twice runs only once."""

import logging
import random

from dask.distributed import Client, LocalCluster


def sample() -> float:
    return random.random()


if __name__ == "__main__":
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        # A task's key is a hash of the function and its arguments: the same call gets the same
        # key, so Dask runs it once and both futures share the one result.
        futures = [client.submit(sample) for _ in range(3)]
        print("the problem: distinct keys", len({f.key for f in futures}), end=", ")
        print("distinct results", len(set(client.gather(futures))))

        # Fix: pure=False gives every call a key of its own (client.map takes it too).
        futures = [client.submit(sample, pure=False) for _ in range(3)]
        print("the fix: distinct keys", len({f.key for f in futures}), end=", ")
        print("distinct results", len(set(client.gather(futures))))

# Output:
#> the problem: distinct keys 1, distinct results 1
#> the fix: distinct keys 3, distinct results 3
