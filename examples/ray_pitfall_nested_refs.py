"""Pitfall: Ray resolves references passed directly as arguments, not ones nested in a list."""

import logging

import ray


@ray.remote
def kinds(direct, nested: list) -> tuple[str, str]:
    return type(direct).__name__, type(nested[0]).__name__


@ray.remote
def grand_total(chunks: list) -> int:
    return sum(sum(chunk) for chunk in chunks)


@ray.remote
def grand_total_of_refs(chunk_refs: list) -> int:
    chunks = ray.get(chunk_refs)  # nested references: the task fetches them itself
    return sum(sum(chunk) for chunk in chunks)


if __name__ == "__main__":
    ray.init(
        address="local",
        num_cpus=2,
        object_store_memory=128 * 2**20,
        include_dashboard=False,
        logging_level=logging.ERROR,
    )
    try:
        chunk_refs = [ray.put(list(range(i * 10, i * 10 + 10))) for i in range(3)]

        direct, nested = ray.get(kinds.remote(chunk_refs[0], [chunk_refs[0]]))
        print(f"a direct argument arrives as {direct}, one inside a list as {nested}")
        try:
            ray.get(grand_total.remote(chunk_refs))  # sum() over ObjectRefs
        except TypeError as error:
            print("the problem:", repr(error.cause))

        print("the fix, ray.get() in the task:", ray.get(grand_total_of_refs.remote(chunk_refs)))
    finally:
        ray.shutdown()

# example: timeout=180
# Output:
#> a direct argument arrives as list, one inside a list as ObjectRef
#> the problem: TypeError("'ray.ObjectRef' object is not iterable")
#> the fix, ray.get() in the task: 435
