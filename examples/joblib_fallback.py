"""Where multiprocessing is missing (Pyodide), joblib still runs your code: on one thread, in order.

JOBLIB_MULTIPROCESSING=0 is joblib's own switch for "behave as if multiprocessing were missing";
it must be set before joblib is imported, so this example stands in for Pyodide on CPython.
"""

import os
import threading
import warnings

os.environ["JOBLIB_MULTIPROCESSING"] = "0"

from joblib import Parallel, delayed, effective_n_jobs  # noqa: E402
from joblib.parallel import get_active_backend  # noqa: E402


def where(n: int) -> tuple[str, int]:
    return threading.current_thread().name, os.getpid()


if __name__ == "__main__":
    backend, _ = get_active_backend()
    print("default backend:", type(backend).__name__)
    print("n_jobs=2 becomes:", effective_n_jobs(2))
    places = set(Parallel(n_jobs=2)(delayed(where)(n) for n in range(3)))
    print("every task ran in this process's main thread:", places == {("MainThread", os.getpid())})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        Parallel(n_jobs=2, backend="loky")(delayed(where)(n) for n in range(3))
    print("asking for loky:", caught[0].category.__name__, "-", caught[0].message)

# Output:
#> default backend: ThreadingBackend
#> n_jobs=2 becomes: 1
#> every task ran in this process's main thread: True
#> asking for loky: UserWarning - joblib backend 'loky' is not available on your system, falling back to threading.
