"""Shared state: a Manager's proxies (any picklable data) and a Value (one number in shared memory)."""

import multiprocessing


def count(shared, lock, counter, rounds: int) -> None:
    for _ in range(rounds):
        with lock:  # += on a proxy is a read then a write: two round trips to the manager
            shared["count"] += 1
        with counter.get_lock():  # a Value carries its own lock
            counter.value += 1


def append_inside(shared) -> None:
    shared["plain"].append("lost")  # appends to a copy of the list, sent back nowhere
    shared["proxied"].append("kept")  # a list proxy inside the dict forwards the call


def main() -> None:
    with multiprocessing.Manager() as manager:  # starts a server process; exit stops it
        shared = manager.dict(count=0)
        lock = manager.Lock()
        counter = multiprocessing.Value("i", 0)
        workers = [
            multiprocessing.Process(target=count, args=(shared, lock, counter, 200))
            for _ in range(2)
        ]
        for process in workers:
            process.start()
        for process in workers:
            process.join()
        print("manager dict count:", shared["count"])
        print("Value count:", counter.value)

        shared["plain"] = []  # stored by value in the manager
        shared["proxied"] = manager.list()  # stored as a proxy: changes propagate
        child = multiprocessing.Process(target=append_inside, args=(shared,))
        child.start()
        child.join()
        print("plain list:", shared["plain"])
        print("proxied list:", list(shared["proxied"]))


if __name__ == "__main__":
    main()

# example: processes
#> manager dict count: 400
#> Value count: 400
#> plain list: []
#> proxied list: ['kept']
