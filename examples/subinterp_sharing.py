"""What crosses between interpreters: a few immutable types natively, most things as pickled
copies through a queue, some things not at all (NotShareableError)."""

import threading

try:
    from concurrent import interpreters  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport import interpreters

SETUP = """
try:
    from concurrent import interpreters
except ImportError:
    from interpreters_backport import interpreters
interpreters.create_queue  # loads the queue type in this interpreter
"""

inbox, outbox = interpreters.create_queue(), interpreters.create_queue()

# 1. Natively shareable: passed without pickle (immutable values, plus queues and memoryview).
samples = {
    "None": None,
    "bool": True,
    "int": 42,
    "float": 3.5,
    "str": "text",
    "bytes": b"raw",
    "tuple of those": (1, "a"),
    "list": [1, 2],
    "dict": {"a": 1},
    "Queue": inbox,
    "memoryview": memoryview(bytearray(4)),
    "threading.Lock": threading.Lock(),
}
for name, obj in samples.items():
    print(f"is_shareable({name}): {interpreters.is_shareable(obj)}")

interp = interpreters.create()
interp.exec(SETUP)
interp.prepare_main(inbox=inbox, outbox=outbox)

# 2. A list is not shareable, but a queue pickles it: the other side gets a COPY.
settings = {"retries": 3, "hosts": ["a", "b"]}
inbox.put(settings)
interp.exec("""
received = inbox.get()
received["hosts"].append("c")  # changes the copy only
outbox.put(received)
""")
print(f"sent back: {outbox.get()}")
print(f"original:  {settings}")

# 3. Binding a lock in the other interpreter: no native sharing, and it cannot be pickled.
try:
    interp.prepare_main(lock=threading.Lock())
except interpreters.NotShareableError as exc:
    print(f"prepare_main(lock=...) -> {type(exc).__name__}")

# 4. An exception cannot cross either: exec() raises ExecutionFailed with a snapshot of it.
try:
    interp.exec("int('forty-two')")
except interpreters.ExecutionFailed as exc:
    print(f"ExecutionFailed: {exc.excinfo.type.__name__}: {exc.excinfo.msg}")
interp.close()

# example: python>=3.13
# Output:
#> is_shareable(None): True
#> is_shareable(bool): True
#> is_shareable(int): True
#> is_shareable(float): True
#> is_shareable(str): True
#> is_shareable(bytes): True
#> is_shareable(tuple of those): True
#> is_shareable(list): False
#> is_shareable(dict): False
#> is_shareable(Queue): True
#> is_shareable(memoryview): True
#> is_shareable(threading.Lock): False
#> sent back: {'retries': 3, 'hosts': ['a', 'b', 'c']}
#> original:  {'retries': 3, 'hosts': ['a', 'b']}
#> prepare_main(lock=...) -> NotShareableError
#> ExecutionFailed: ValueError: invalid literal for int() with base 10: 'forty-two'
