// Build step, run with Node by docs/hooks.py (not part of the site): Pyodide's standard library
// with bytecode beside the source of every module a first Run imports.
//
// The npm package's python_stdlib.zip holds source only, so a fresh Pyodide compiles ~130
// modules before it runs a line: most of its start-up. Bytecode compiled by this same Pyodide
// (the same CPython, the same magic number), stored as unchecked hash-based .pyc files, lets
// zipimport load those modules without compiling them; the .py files stay, so tracebacks still
// show source lines, and every other module is compiled on import as before.
//
// Usage: node precompile.mjs PYODIDE_MJS OUTPUT_ZIP MODULE...  (the modules programs import)
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [pyodideMjs, output, ...modules] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pyodideMjs).href);
const pyodide = await loadPyodide();
pyodide.globals.set("MODULES", pyodide.toPy(modules));
pyodide.runPython(`
import importlib, importlib.util, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

for name in ["pyodide.code", "traceback", "types", *MODULES]:  # the runner's and the programs'
    try:
        importlib.import_module(name)
    except Exception:  # not in this Python (a helper of the site's, a package): nothing to compile
        pass
archive = next(path for path in sys.path if path.endswith(".zip"))
loaded = {
    spec.origin for module in list(sys.modules.values())
    if (spec := getattr(module, "__spec__", None)) and spec.origin
    and spec.origin.startswith(archive + "/") and spec.origin.endswith(".py")
}
assert len(loaded) > 50, f"only {len(loaded)} modules found in {archive}: has Pyodide changed?"
with zipfile.ZipFile(archive) as source, zipfile.ZipFile("/tmp/stdlib.zip", "w") as target:
    for info in source.infolist():
        data = source.read(info)
        target.writestr(info, data)
        path = f"{archive}/{info.filename}"
        if path in loaded:
            code = compile(data, path, "exec", dont_inherit=True)
            pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            entry = zipfile.ZipInfo(info.filename + "c", info.date_time)
            target.writestr(entry, bytes(pyc), zipfile.ZIP_DEFLATED, 9)
print(f"{len(loaded)} modules precompiled", file=sys.stderr)
`);
writeFileSync(output, pyodide.FS.readFile("/tmp/stdlib.zip"));
