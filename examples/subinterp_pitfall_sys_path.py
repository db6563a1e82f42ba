"""Pitfall: a module found through a sys.path entry added at run time.

A new interpreter builds its own sys.path from the start-up configuration: entries that this
program added later are missing there, so imports that work here fail there. The fix: add the
entry inside the interpreter (for a pool: in its initializer).
"""

import os
import site
import sys
import tempfile

try:
    from concurrent import interpreters
    from concurrent.futures import InterpreterPoolExecutor  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport import interpreters
    from interpreters_backport.concurrent.futures import InterpreterPoolExecutor

with tempfile.TemporaryDirectory() as plugins:
    with open(os.path.join(plugins, "plugin_vat.py"), "w") as source:
        source.write("def vat(amount):\n    return round(amount * 0.2, 2)\n")
    sys.path.insert(0, plugins)  # e.g. a plugin folder chosen at run time
    import plugin_vat

    print(f"main interpreter: vat(100) = {plugin_vat.vat(100)}")

    # The pitfall: the new interpreter does not see the added entry.
    interp = interpreters.create()
    try:
        interp.exec("import plugin_vat")
    except interpreters.ExecutionFailed as exc:
        print(f"subinterpreter: {exc.excinfo.type.__name__}: {exc.excinfo.msg}")

    # Fix 1: add the entry in the interpreter before importing.
    interp.prepare_main(plugins=plugins)
    interp.exec("import sys; sys.path.insert(0, plugins); import plugin_vat")
    print("subinterpreter with the entry added: import plugin_vat works")
    interp.close()

    # Fix 2, for a pool: the initializer runs in every worker interpreter before any task.
    with InterpreterPoolExecutor(2, initializer=site.addsitedir, initargs=(plugins,)) as pool:
        print(f"pool with an initializer: vat(100) = {pool.submit(plugin_vat.vat, 100).result()}")

# example: python>=3.13
# Output:
#> main interpreter: vat(100) = 20.0
#> subinterpreter: ModuleNotFoundError: No module named 'plugin_vat'
#> subinterpreter with the entry added: import plugin_vat works
#> pool with an initializer: vat(100) = 20.0
