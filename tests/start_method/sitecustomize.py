"""Put on PYTHONPATH by tests/test_examples.py: makes EXAMPLE_START_METHOD the default start method.

The example itself stays untouched, exactly as a reader copies it; only its default changes,
so one file is proven under fork, spawn and forkserver.
"""

import os

if os.environ.get("EXAMPLE_START_METHOD"):
    import multiprocessing

    multiprocessing.set_start_method(os.environ["EXAMPLE_START_METHOD"])
