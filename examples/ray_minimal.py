"""Ray tasks: @ray.remote turns a function into a task; .remote() starts it; ray.get() waits."""

import logging

import ray

from workloads import count_primes


@ray.remote
def count(limit: int) -> int:
    return count_primes(limit)


if __name__ == "__main__":
    # A private local Ray instance, sized for a small machine: 2 CPU slots, a 128 MiB object
    # store, no dashboard, only errors logged. address="local" never joins another Ray cluster.
    ray.init(
        address="local",
        num_cpus=2,
        object_store_memory=128 * 2**20,
        include_dashboard=False,
        logging_level=logging.ERROR,
    )
    try:
        ref = count.remote(10_000)  # returns at once: a reference to a future result
        print(type(ref).__name__, "->", ray.get(ref))

        refs = [count.remote(limit) for limit in (20_000, 30_000, 40_000)]
        print("all at once:", ray.get(refs))  # results in the order of the references

        print("CPU slots:", ray.cluster_resources()["CPU"])
    finally:
        ray.shutdown()  # stops the local instance: every Ray process it started

# example: timeout=180
# Output:
#> ObjectRef -> 1229
#> all at once: [2262, 3245, 4203]
#> CPU slots: 2.0
