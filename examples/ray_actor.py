"""Ray actors (a process with state), the object store (ray.put) and ray.wait()."""

import logging
import time

import ray


@ray.remote
class Counter:
    """One actor = one worker process holding this object; its methods run one at a time."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def add(self, word: str) -> int:
        self.counts[word] = self.counts.get(word, 0) + 1
        return self.counts[word]

    def top(self, n: int) -> list[tuple[str, int]]:
        return sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))[:n]


@ray.remote
def count_words(text: str, start: int, stop: int, counter) -> int:
    words = text.split()[start:stop]
    calls = [counter.add.remote(word) for word in words]  # the actor queues the calls
    ray.get(calls)  # return only once the actor has applied them all
    return len(words)


@ray.remote
def nap(seconds: float) -> float:
    # ray.cancel() interrupts a running task between two bytecodes, not inside one long C call
    # such as time.sleep(60): short sleeps let it land within 0.05 s.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.05)
    return seconds


if __name__ == "__main__":
    ray.init(
        address="local",
        num_cpus=2,
        object_store_memory=128 * 2**20,
        include_dashboard=False,
        logging_level=logging.ERROR,
    )
    try:
        counter = Counter.remote()
        print([ray.get(counter.add.remote("a")) for _ in range(3)])  # state kept between calls

        # ray.put() stores the object once in the shared object store; tasks receive the
        # reference and Ray hands them the value, instead of copying it into every call.
        text = "the cat and the dog and the bird " * 100
        text_ref = ray.put(text)
        halves = [count_words.remote(text_ref, i, i + 400, counter) for i in (0, 400)]
        print("words counted by two tasks:", sum(ray.get(halves)))
        print("top words:", ray.get(counter.top.remote(3)))

        # ray.wait(): the first references to finish, without waiting for the others.
        # The short one is submitted first, so that it starts even if Ray has one worker free,
        # and listed last: ray.wait() returns whatever is ready, not the list's first.
        short = nap.remote(0.1)
        refs = [nap.remote(60.0), short]  # the long one is still running when we cancel it
        ready, not_ready = ray.wait(refs, num_returns=1, timeout=10)
        print("first done:", ray.get(ready), "still running:", len(not_ready))
        # Don't leave work running into ray.shutdown(): cancel it and wait for the cancellation.
        for ref in not_ready:
            ray.cancel(ref)
            try:
                ray.get(ref, timeout=10)
            except ray.exceptions.TaskCancelledError:
                print("cancelled the task still running")
    finally:
        ray.shutdown()

# example: timeout=180
# Output:
#> [1, 2, 3]
#> words counted by two tasks: 800
#> top words: [('the', 300), ('and', 200), ('bird', 100)]
#> first done: [0.1] still running: 1
#> cancelled the task still running
