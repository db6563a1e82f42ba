"""multiprocessing.shared_memory: workers write into one block of memory, nothing is pickled."""

import multiprocessing
from multiprocessing import shared_memory

COUNT = 1_000_000  # 8 MB of 64-bit integers


def fill(name: str, start: int, stop: int) -> None:
    block = shared_memory.SharedMemory(name=name)  # attach to the existing block by name
    numbers = block.buf.cast("q")  # a memoryview of signed 64-bit integers
    try:
        for i in range(start, stop):
            numbers[i] = i * i
    finally:
        numbers.release()  # views into the buffer must go before close()
        block.close()  # detach this process; the block itself lives on


def main() -> None:
    block = shared_memory.SharedMemory(create=True, size=COUNT * 8)
    try:
        half = COUNT // 2
        workers = [
            multiprocessing.Process(target=fill, args=(block.name, 0, half)),
            multiprocessing.Process(target=fill, args=(block.name, half, COUNT)),
        ]
        for process in workers:
            process.start()
        for process in workers:
            process.join(timeout=60)
            if process.exitcode != 0:  # None: still running after the timeout
                process.kill()
                raise RuntimeError(f"{process.name} failed: exit code {process.exitcode}")
        numbers = block.buf.cast("q")
        try:
            print("sum of squares written by two processes:", sum(numbers))
        finally:
            numbers.release()  # before close(), as in fill()
        print("expected:", sum(i * i for i in range(COUNT)))
    finally:
        block.close()  # every process closes its own handle ...
        block.unlink()  # ... and exactly one (the creator) frees the memory
    try:
        shared_memory.SharedMemory(name=block.name)
    except FileNotFoundError:
        print("after unlink() the block is gone: FileNotFoundError")


if __name__ == "__main__":
    main()

# example: processes
#> sum of squares written by two processes: 333332833333500000
#> expected: 333332833333500000
#> after unlink() the block is gone: FileNotFoundError
