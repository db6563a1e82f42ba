"""Condition: a consumer sleeps until the shared state it needs (a full batch) is there."""

import threading
import time

BATCH = 3
items: list[int] = []
producer_done = False
changed = threading.Condition()  # a lock plus a way to wait for "the state has changed"


def producer() -> None:
    global producer_done
    for i in range(7):
        time.sleep(0.01)
        with changed:
            items.append(i)
            changed.notify()  # wake a waiting consumer: it re-checks its predicate
    with changed:
        producer_done = True
        changed.notify_all()


def batcher() -> None:
    while True:
        with changed:
            # wait_for() releases the lock while it sleeps and re-checks the predicate on every
            # wake-up, so spurious or early wake-ups are harmless.
            changed.wait_for(lambda: len(items) >= BATCH or producer_done, timeout=5)
            batch = items[:BATCH]
            del items[:BATCH]
            if not batch:
                return  # producer finished and nothing is left
        print("batch:", batch)  # slow work happens outside the lock


threads = [threading.Thread(target=batcher), threading.Thread(target=producer)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

# Output:
#> batch: [0, 1, 2]
#> batch: [3, 4, 5]
#> batch: [6]
