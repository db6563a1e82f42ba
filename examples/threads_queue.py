"""Producer/consumer with queue.Queue: worker threads fetch URLs, a sentinel tells each to stop."""

import queue
import threading
import time

from workloads import fetch, latency_server

N_CONSUMERS = 3
N_JOBS = 12
WAIT = 10  # seconds: the longest any get, put, fetch or join below may block
STOP = object()  # the sentinel: a unique object no real job can be equal to

jobs: queue.Queue = queue.Queue(maxsize=4)  # bounded: a fast producer waits for the consumers
results: queue.Queue = queue.Queue()  # Queue does its own locking; no Lock needed around it
jobs_done: dict[str, int] = {}  # each consumer writes only its own key


def consumer() -> None:
    done = 0
    while True:
        url = jobs.get(timeout=WAIT)  # blocks until an item is there
        if url is STOP:
            break  # one sentinel stops exactly one consumer
        try:
            results.put((url, fetch(url, timeout=WAIT).decode()))
        except Exception as error:  # a failed job must not kill the consumer: send it back
            results.put((url, error))
        done += 1
    jobs_done[threading.current_thread().name] = done


with latency_server() as base_url:
    start = time.perf_counter()
    consumers = [
        threading.Thread(target=consumer, name=f"consumer-{i}") for i in range(1, N_CONSUMERS + 1)
    ]
    for thread in consumers:
        thread.start()
    try:
        for i in range(N_JOBS):  # the producer: here the main thread
            jobs.put(f"{base_url}/job/{i}", timeout=WAIT)  # blocks while the queue holds 4 items
    finally:  # even if the producer fails, every consumer gets its sentinel
        for _ in consumers:
            jobs.put(STOP, timeout=WAIT)  # after the real jobs: FIFO, so every job is taken first
        for thread in consumers:
            thread.join(timeout=WAIT)
    elapsed = time.perf_counter() - start

for name, done in sorted(jobs_done.items()):
    print(f"{name} got the sentinel after {done} jobs")
outcomes = [results.get_nowait() for _ in range(results.qsize())]
answers = sorted((body for _, body in outcomes if isinstance(body, str)), key=lambda s: int(s[8:]))
print(f"{len(answers)} answers, first and last: {answers[:1] + answers[-1:]}")
print("failed:", [(url, repr(error)) for url, error in outcomes if isinstance(error, Exception)])
print(f"{N_JOBS} jobs of 0.1 s on {N_CONSUMERS} threads took {elapsed:.2f} s")

# example: timing
# Output (which consumer takes how many jobs varies):
#> consumer-1 got the sentinel after {int} jobs
#> consumer-2 got the sentinel after {int} jobs
#> consumer-3 got the sentinel after {int} jobs
#> 12 answers, first and last: ['ok /job/0', 'ok /job/11']
#> failed: []
#> 12 jobs of 0.1 s on 3 threads took {float>=0.4<1.2} s
