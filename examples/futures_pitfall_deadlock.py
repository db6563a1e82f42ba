"""A task that waits for another task of the same pool can wait forever: the pool is full of waiters."""

from concurrent.futures import ThreadPoolExecutor


def child(n: int) -> int:
    return n * 10


def parent(executor: ThreadPoolExecutor, n: int) -> int:
    inner = executor.submit(child, n)  # queued behind the parent that occupies the only worker
    return inner.result(timeout=1)  # without the timeout this would hang forever


# The pitfall: the parent blocks the pool's only worker while it waits for its child.
# With N workers, N parents waiting at once do the same; a bigger pool only makes it rarer.
with ThreadPoolExecutor(max_workers=1) as executor:
    print("nested:", repr(executor.submit(parent, executor, 1).exception()))

# The fix: tasks do not wait on their own pool. Submit the children from the caller,
# or give the two levels separate pools (the outer pool may block, the inner one never does).
with ThreadPoolExecutor(max_workers=1) as outer, ThreadPoolExecutor(max_workers=1) as inner:
    print("separate pools:", outer.submit(parent, inner, 1).result())

# Output:
#> nested: TimeoutError()
#> separate pools: 10
