"""Dask futures: a local cluster of two worker processes, submit one call, map many, gather."""

from dask.distributed import Client, LocalCluster

from workloads import count_primes

if __name__ == "__main__":
    # Two worker processes with one thread each. host="127.0.0.1": the scheduler, the workers and
    # the dashboard listen on this machine only. dashboard_address=":0": the dashboard takes a
    # free port (its charts need the bokeh package). None would only drop the dashboard's pages:
    # the scheduler would still serve HTTP on port 8787, and warn if that port is taken.
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",
        ) as cluster,
        Client(cluster) as client,
    ):
        print("scheduler:", cluster.scheduler_address)
        print("dashboard:", client.dashboard_link)
        print("workers:", len(client.scheduler_info()["workers"]))

        future = client.submit(count_primes, 10_000)  # returns at once: a Future
        print(future, "->", future.result())

        futures = client.map(count_primes, [20_000, 30_000, 40_000])
        print("gathered:", client.gather(futures))  # results in the order submitted
    # Leaving the `with` block closed the client, then the workers and the scheduler.

# Output:
#> scheduler: tcp://127.0.0.1:{int}
#> dashboard: http://127.0.0.1:{int}/status
#> workers: 2
#> <Future: {...}, key: count_primes-{...}> -> 1229
#> gathered: [2262, 3245, 4203]
