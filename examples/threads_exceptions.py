"""Where an exception raised in a thread goes: threading.excepthook, or the Future."""

import threading
from concurrent.futures import ThreadPoolExecutor


def parse(text: str) -> int:
    return int(text)


# 1. A plain Thread: the exception ends that thread and goes to threading.excepthook, whose
#    default prints a traceback to stderr. The main thread is not told; join() returns normally.
failures: list[str] = []


def record_failure(args: threading.ExceptHookArgs) -> None:
    failures.append(f"{args.thread.name}: {args.exc_type.__name__}: {args.exc_value}")


threading.excepthook = record_failure  # e.g. log it, count it, or store it for the main thread
thread = threading.Thread(target=parse, args=("forty-two",), name="parser")
thread.start()
thread.join()  # no exception here
print("join() returned; thread alive:", thread.is_alive())
print("excepthook saw:", failures)
threading.excepthook = threading.__excepthook__  # put the default back

# 2. A pool: the exception is stored in the Future and re-raised by result(), in your thread.
with ThreadPoolExecutor(max_workers=2) as pool:
    future = pool.submit(parse, "forty-two")
    try:
        future.result(timeout=5)
    except ValueError as exc:
        print("result() re-raised:", repr(exc))

    # ...but a Future nobody asks for keeps its exception to itself: nothing is printed at all.
    forgotten = pool.submit(parse, "nope")
print("forgotten future:", repr(forgotten.exception()))

# Output:
#> join() returned; thread alive: False
#> excepthook saw: ["parser: ValueError: invalid literal for int() with base 10: 'forty-two'"]
#> result() re-raised: ValueError("invalid literal for int() with base 10: 'forty-two'")
#> forgotten future: ValueError("invalid literal for int() with base 10: 'nope'")
