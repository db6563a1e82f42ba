"""Which build is running, and is the GIL on right now? Ask before putting CPU work on threads."""

import sys
import sysconfig
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def free_threaded_build() -> bool:
    """Was this interpreter built without the GIL (3.13t, 3.14t...)? Fixed at build time."""
    return bool(sysconfig.get_config_var("Py_GIL_DISABLED"))


def gil_enabled() -> bool:
    """Is the GIL on now? A free-threaded build turns it back on for PYTHON_GIL=1, -X gil=1,
    or when it imports an extension module that has not declared it can run without it."""
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)  # new in 3.13
    return True if is_gil_enabled is None else is_gil_enabled()


def cpu_executor() -> type:
    """Threads compute in parallel only while the GIL is off; otherwise use processes."""
    return ProcessPoolExecutor if gil_enabled() else ThreadPoolExecutor


print(f"free-threaded build: {free_threaded_build()}")
print(f"GIL enabled now: {gil_enabled()}")
print(f"'free-threading' in sys.version: {'free-threading' in sys.version}")
print(f"executor for CPU-bound work: {cpu_executor().__name__}")

# Output on the standard (GIL) builds of CPython 3.11, 3.12 and 3.13:
#> free-threaded build: False
#> GIL enabled now: True
#> 'free-threading' in sys.version: False
#> executor for CPU-bound work: ProcessPoolExecutor
# Output on free-threaded builds (3.14t, 3.15t; GIL disabled, as no extension turned it back on):
#> free-threaded build: True
#> GIL enabled now: False
#> 'free-threading' in sys.version: True
#> executor for CPU-bound work: ThreadPoolExecutor
