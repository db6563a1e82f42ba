"""Pitfall: a C extension that cannot be loaded in a subinterpreter.

An isolated interpreter (own GIL) may only import extension modules that use multi-phase
initialisation and declare support for it; older ones raise ImportError there. The standard
library's readline module is one (so are, at the time of writing, NumPy, greenlet, psutil and
PyYAML's C loader). The fix: find out at start-up, and keep that work elsewhere.
"""

import importlib.util

try:
    from concurrent import interpreters  # Python 3.14+
except ImportError:  # Python 3.13: pip install interpreters-pep-734 (the PEP 734 backport)
    from interpreters_backport import interpreters


def importable_in_subinterpreter(module: str) -> bool:
    probe = interpreters.create()
    try:
        probe.exec(f"import {module}")
    except interpreters.ExecutionFailed as exc:
        print(f"  import {module} -> {exc.excinfo.type.__name__}: {exc.excinfo.msg}")
        return False
    finally:
        probe.close()
    return True


# The pitfall: the module is installed and imports fine in the main interpreter...
print(f"readline installed: {importlib.util.find_spec('readline') is not None}")

# ...but not in a subinterpreter. The fix: probe once, and route the work accordingly.
for module in ("readline", "json"):
    where = "subinterpreters" if importable_in_subinterpreter(module) else "the main interpreter"
    print(f"{module}: use it in {where}")

# example: python>=3.13
# Output:
#> readline installed: True
#>   import readline -> ImportError: module readline does not support loading in subinterpreters
#> readline: use it in the main interpreter
#> json: use it in subinterpreters
