"""Old tutorials say ray.init(local_mode=True) for debugging. It is gone: Ray raises RuntimeError."""

import ray

try:
    ray.init(local_mode=True)  # refused before any Ray process starts
except RuntimeError as error:
    print("RuntimeError:", error)
print("Ray running:", ray.is_initialized())

# Output:
#> RuntimeError: `local_mode` is no longer supported. For interactive debugging consider using the Ray distributed debugger.
#> Ray running: False
