"""A deadlock from taking two locks in opposite orders, detected with a timeout, then fixed."""

import threading
import time
from collections.abc import Callable


class Account:
    def __init__(self, name: str, balance: int) -> None:
        self.name, self.balance, self.lock = name, balance, threading.Lock()


def transfer(
    first: Account, second: Account, amount: int, src: Account, between: Callable[[], object]
) -> str:
    """Lock `first` then `second`, and move `amount` out of `src` into the other account."""
    dst = second if src is first else first
    with first.lock:
        between()  # the other thread runs here, after it took ITS first lock
        # Never wait forever for a second lock: a timeout turns a silent hang into an error.
        if not second.lock.acquire(timeout=0.5):
            between()  # keep holding `first` until the other thread has timed out as well
            return f"timed out waiting for {second.name}: deadlock"
        try:
            src.balance -= amount
            dst.balance += amount
            return f"moved {amount} from {src.name} to {dst.name}"
        finally:
            second.lock.release()


def run(jobs: list[Callable[[], str]]) -> list[str]:
    reports: list[str] = []
    threads = [threading.Thread(target=lambda job=job: reports.append(job())) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return reports


a, b = Account("a", 100), Account("b", 100)

# Broken: thread 1 locks a then b, thread 2 locks b then a. The barrier makes both hold their
# first lock before either asks for its second one: the deadlock happens on every run.
barrier = threading.Barrier(2)
for report in run(
    [
        lambda: transfer(a, b, 10, src=a, between=barrier.wait),
        lambda: transfer(b, a, 20, src=b, between=barrier.wait),
    ]
):
    print("opposite order:", report)
print(f"balances: a={a.balance}, b={b.balance}")


# Fixed: every thread takes the locks in one global order (here: by name), whatever the
# direction of the transfer. A pause between the two acquisitions can no longer hurt.
def ordered_transfer(src: Account, dst: Account, amount: int) -> str:
    first, second = sorted([src, dst], key=lambda account: account.name)
    return transfer(first, second, amount, src=src, between=lambda: time.sleep(0.1))


for report in run(
    [lambda: ordered_transfer(a, b, 10), lambda: ordered_transfer(b, a, 20)],
):
    print("one order:     ", report)
print(f"balances: a={a.balance}, b={b.balance}")

# Output:
#? opposite order: timed out waiting for b: deadlock
#? opposite order: timed out waiting for a: deadlock
#> balances: a=100, b=100
#? one order:      moved 10 from a to b
#? one order:      moved 20 from b to a
#> balances: a=110, b=90
