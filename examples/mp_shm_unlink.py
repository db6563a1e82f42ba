"""Pitfall: close() detaches from a shared memory block, only unlink() frees it.

Two tiny programs run in fresh interpreters: one forgets unlink(), one does not.
"""

import re
import subprocess
import sys

LEAKY = """
from multiprocessing import shared_memory
block = shared_memory.SharedMemory(create=True, size=1024)
block.close()  # detached, but the block still exists
"""

TIDY = """
from multiprocessing import shared_memory
block = shared_memory.SharedMemory(create=True, size=1024)
try:
    pass  # use block.buf here
finally:
    block.close()
    block.unlink()  # the creator frees the block
"""


def main() -> None:
    for name, code in [("leaky", LEAKY), ("tidy", TIDY)]:
        done = subprocess.run(
            [sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=30
        )
        # The resource tracker (a helper process) finds the leak when the program exits.
        warning = re.search(r"\w+Warning: resource_tracker: .*? at shutdown", done.stderr)
        print(f"{name}: {warning[0] if warning else 'no warning'}")


if __name__ == "__main__":
    main()

# example: processes
#> leaky: UserWarning: resource_tracker: There appear to be 1 leaked shared_memory objects to clean up at shutdown
#> tidy: no warning
