"""Pitfall: handing a resource (open file, socket, lock, connection) to another interpreter.

Such objects are neither natively shareable nor picklable: NotShareableError. The fix is to
send a description of the resource (a path, an address) and open it on the other side.
"""

import os
import tempfile

try:
    from concurrent import interpreters  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport import interpreters

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "log.txt")
    interp = interpreters.create()

    # The pitfall: the open file object cannot cross.
    with open(path, "a") as log:
        try:
            interp.prepare_main(log=log)
        except interpreters.NotShareableError as exc:
            print(f"prepare_main(log=<open file>) -> {type(exc).__name__}")

    # The fix: send the path (a str is shareable) and let the interpreter open its own file.
    interp.prepare_main(path=path)
    interp.exec("""
with open(path, "a") as log:
    log.write("written by the subinterpreter\\n")
""")  # exec() returns when the code has run
    interp.close()
    with open(path) as log:
        print(f"file now holds: {log.read()!r}")

# example: python>=3.13
# Output:
#> prepare_main(log=<open file>) -> NotShareableError
#> file now holds: 'written by the subinterpreter\n'
