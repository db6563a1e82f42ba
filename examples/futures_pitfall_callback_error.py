"""An exception inside a done-callback is logged and swallowed: the caller never sees it."""

import functools
import logging
from concurrent.futures import ThreadPoolExecutor

totals: dict[str, int] = {}
errors: list[Exception] = []


class PrintHandler(logging.Handler):
    """Show what the logging module receives (by default it would go to stderr, with a traceback)."""

    def emit(self, record: logging.LogRecord) -> None:
        exc = record.exc_info[1] if record.exc_info else None
        print(f"  logged by {record.name!r}: {record.getMessage()} -> {exc!r}")


logging.getLogger("concurrent.futures").addHandler(PrintHandler())


def add_to_total(key: str, future) -> None:
    totals[key] += future.result()  # KeyError: nobody created totals[key]


def safely(callback):
    """The fix: a callback wrapper that keeps the error where the program will look for it."""

    @functools.wraps(callback)
    def wrapper(future):
        try:
            callback(future)
        except Exception as exc:
            errors.append(exc)

    return wrapper


with ThreadPoolExecutor() as executor:
    future = executor.submit(sum, [1, 2, 3])
    future.result()  # the future is done, so add_done_callback calls the callback right here

    print("pitfall:")
    future.add_done_callback(functools.partial(add_to_total, "a"))
    print("  add_done_callback() returned normally; the program goes on as if all was well")

    print("fix:")
    future.add_done_callback(safely(functools.partial(add_to_total, "b")))
    print("  errors collected:", errors)

# Output:
#> pitfall:
#>   logged by 'concurrent.futures': exception calling callback for <Future at {...}> -> KeyError('a')
#>   add_done_callback() returned normally; the program goes on as if all was well
#> fix:
#>   errors collected: [KeyError('b')]
