"""A second interpreter in the same process: its own modules and globals, a queue to talk back."""

import sys

try:
    from concurrent import interpreters  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport import interpreters

results = interpreters.create_queue()  # a queue both interpreters can use
interp = interpreters.create()
print(f"interpreters now: {len(interpreters.list_all())} (main is {interpreters.get_main().id})")

# The interpreter starts empty: it must import what it uses, including the interpreters module
# itself, before a queue can be handed to it.
interp.exec("""
try:
    from concurrent import interpreters
except ImportError:
    from interpreters_backport import interpreters
interpreters.create_queue  # loads the queue type in this interpreter
""")
interp.prepare_main(results=results, script_dir=sys.path[0], n=6)  # bind names in its __main__
interp.exec("""
import sys
sys.answer = n * 7  # a module attribute, in THIS interpreter's sys module
results.put((sys.path[0] == script_dir, sys.answer))
""")
same_path, answer = results.get()  # blocks until the other interpreter has put something
print(f"subinterpreter: sys.path[0] is the script's folder: {same_path}")
print(f"subinterpreter computed {answer}")
print(f"main interpreter: sys.answer exists: {hasattr(sys, 'answer')}")
print(f"main interpreter: 'n' in globals: {'n' in globals()}")

# It runs in "isolated" mode: threads are allowed, fork() (and daemon threads) are not.
try:
    interp.exec("import os; os.fork()")
except interpreters.ExecutionFailed as exc:
    print(f"os.fork() in the subinterpreter: {exc.excinfo.type.__name__}: {exc.excinfo.msg}")

interp.close()  # finalize it: its modules and objects are freed
print(f"after close: {len(interpreters.list_all())} interpreter(s)")

# example: python>=3.13
# Output:
#> interpreters now: 2 (main is 0)
#> subinterpreter: sys.path[0] is the script's folder: True
#> subinterpreter computed 42
#> main interpreter: sys.answer exists: False
#> main interpreter: 'n' in globals: False
#> os.fork() in the subinterpreter: RuntimeError: fork not supported for isolated subinterpreters
#> after close: 1 interpreter(s)
