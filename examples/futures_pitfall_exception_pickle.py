"""A custom exception that pickle cannot rebuild turns into BrokenProcessPool, for the whole pool."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool


class QuotaError(Exception):
    def __init__(self, user: str, limit: int) -> None:
        super().__init__(f"{user} is over the limit of {limit}")  # self.args = (message,)
        self.user, self.limit = user, limit


class FixedQuotaError(Exception):
    def __init__(self, user: str, limit: int) -> None:
        super().__init__(user, limit)  # self.args = (user, limit): what __init__ takes
        self.user, self.limit = user, limit

    def __str__(self) -> str:
        return f"{self.user} is over the limit of {self.limit}"


def charge(user: str, error_cls: type[Exception]) -> str:
    if user == "bob":
        raise error_cls(user, 10)
    return f"charged {user}"


if __name__ == "__main__":
    for error_cls in (QuotaError, FixedQuotaError):
        for executor_cls in (ThreadPoolExecutor, ProcessPoolExecutor):
            with executor_cls(max_workers=1) as executor:
                futures = [executor.submit(charge, u, error_cls) for u in ("bob", "carol")]
                outcomes = []
                for future in futures:
                    try:
                        outcomes.append(future.result())
                    except BrokenProcessPool:
                        outcomes.append("BrokenProcessPool")
                    except Exception as exc:
                        outcomes.append(f"{type(exc).__name__}: {exc}")
            print(f"{error_cls.__name__:15} {executor_cls.__name__:19} {outcomes}")

# Output:
# example: processes
#> QuotaError      ThreadPoolExecutor  ['QuotaError: bob is over the limit of 10', 'charged carol']
#> QuotaError      ProcessPoolExecutor ['BrokenProcessPool', 'BrokenProcessPool']
#> FixedQuotaError ThreadPoolExecutor  ['FixedQuotaError: bob is over the limit of 10', 'charged carol']
#> FixedQuotaError ProcessPoolExecutor ['FixedQuotaError: bob is over the limit of 10', 'charged carol']
