"""add_done_callback: who runs the callback? The thread that completes the future, in this process."""

import os
import queue
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

MAIN_PID = os.getpid()  # evaluated again in each spawned worker, but callbacks never run there
messages: queue.Queue[str] = queue.Queue()  # callbacks report here; the main thread prints


def square(x: int) -> int:
    time.sleep(0.1)
    return x * x


def where() -> str:
    """Describe the current thread and process, as seen from the main program."""
    thread = threading.current_thread()
    thread_name = (
        "the main thread" if thread is threading.main_thread() else f"thread {thread.name}"
    )
    process = "the main process" if os.getpid() == MAIN_PID else "a worker process"
    return f"{thread_name} of {process}"


def report(future) -> None:
    messages.put(f"  callback got {future.result()} in {where()}")


if __name__ == "__main__":
    print("ThreadPoolExecutor, future still running:")
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pool") as executor:
        future = executor.submit(square, 3)
        future.add_done_callback(report)  # runs later, in the worker thread that finishes the call
        print(messages.get(timeout=10))
        print("ThreadPoolExecutor, future already done:")
        future.add_done_callback(report)  # runs at once, in the thread that adds it
        print(messages.get(timeout=10))

    print("ProcessPoolExecutor:")
    with ProcessPoolExecutor(max_workers=1) as executor:
        future = executor.submit(square, 4)
        future.add_done_callback(report)  # the worker process only sends the result back
        print(messages.get(timeout=10))

# Output:
# example: processes
#> ThreadPoolExecutor, future still running:
#>   callback got 9 in thread pool_0 of the main process
#> ThreadPoolExecutor, future already done:
#>   callback got 9 in the main thread of the main process
#> ProcessPoolExecutor:
#>   callback got 16 in thread {...} of the main process
