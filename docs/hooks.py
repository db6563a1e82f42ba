"""The site's only custom MkDocs machinery.

1. `test="skip"` and `raises="SomeError"` on a ```python fence are instructions for the tests
   (tests/test_docs_blocks.py). Markdown's fence parser does not know them, so they are removed
   before the page is rendered; everything else on the fence line is left alone.
2. `[[bench:...]]` in a page is replaced by a figure from docs/benchmarks/results.json (written by
   examples/benchmark.py), so prose that cites a measurement cannot drift from the data.
3. Front-end files the site serves itself (no CDN) are copied from node_modules into the site,
   and mkdocs-jupyter's MathJax loader, which would fetch MathJax from a CDN, is removed: the
   site's notebooks contain no math. (Math would need a self-hosted MathJax and its fonts.)
4. The in-browser runner (docs/assets/runner/, explained in docs/browser.md): an included example
   whose options line has the `browser` token gets the `runnable` class (Run / Stop / Reset); the
   other examples included on such a page get a note saying why they have no Run button. Pyodide
   is copied into site/pyodide/ with a site-local pyodide-lock.json (`pyodide lockfile add-wheels`)
   that adds a wheel of examples/workloads.py, so browser examples can `import workloads`.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).parent
ROOT = DOCS.parent
TEST_OPTIONS = re.compile(
    r'^(\s*(?:`{3,}|~{3,})\s*py(?:thon)?\b.*?)\s+(?:test|raises)="[^"]*"', re.M
)
BENCH = re.compile(r"\[\[bench:([^\]]+)\]\]")
VENDORED = {"mermaid/dist/mermaid.min.js": "assets/vendor/mermaid.min.js"} | {
    f"pyodide/{name}": f"pyodide/{name}"  # core runtime + stdlib only: no map files, no consoles
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
}
# A fence whose whole body includes one example: ```python title="..." / --8<-- "x.py" / ```
INCLUDE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*py(?:thon)?\b(?P<options>[^\n{]*)\n"
    r'(?P=indent)--8<--[ \t]+"(?P<name>[^"]+)"[ \t]*\n(?P=indent)(?P=fence)[ \t]*$',
    re.M,
)
BROWSER = re.compile(r"^# example: .*\bbrowser\b", re.M)  # the README's options line


def on_page_markdown(markdown: str, page, **_) -> str:
    while True:
        stripped = TEST_OPTIONS.sub(r"\1", markdown)
        if stripped == markdown:
            break
        markdown = stripped
    if "[[bench:" in markdown:
        report = json.loads((DOCS / "benchmarks" / "results.json").read_text())
        markdown = BENCH.sub(lambda m: bench_figure(report, *m.group(1).split(":")), markdown)
    return browser_blocks(markdown, page.file.src_uri)


def browser_blocks(markdown: str, src_uri: str) -> str:
    """Give examples marked `browser` a Run button; on the same page, say why others have none."""
    runnable = {
        m["name"]
        for m in INCLUDE.finditer(markdown)
        if BROWSER.search((ROOT / "examples" / m["name"]).read_text(encoding="utf-8"))
    }
    if not runnable:
        return markdown
    why = posixpath.relpath("browser.md", posixpath.dirname(src_uri) or ".")

    def rewrite(m: re.Match) -> str:
        indent, fence, name = m["indent"], m["fence"], m["name"]
        if name in runnable:  # superfences' attribute form keeps title= and friends
            head = f'{indent}{fence}{{ .python .runnable data-example="{name}"{m["options"]} }}'
            return f'{head}\n{indent}--8<-- "{name}"\n{indent}{fence}'
        note = f"Runs with CPython only — [why?]({why}#what-a-browser-cannot-run)"
        return f"{m[0]}\n\n{indent}{note}\n{indent}{{: .runner-note }}"

    return INCLUDE.sub(rewrite, markdown)


def bench_figure(report: dict, kind: str, *args: str) -> str:
    """`speedup:ENGINE:WORKLOAD`, `median:ENGINE:WORKLOAD`, `overhead:ENGINE`, `startup:ENGINE`,
    `waits:N` (seconds for N concurrent asyncio waits) or `machine`; anything else fails the build."""
    if kind in ("speedup", "median"):
        engine, workload = args
        row = next(
            r for r in report["results"] if r["engine"] == engine and r["workload"] == workload
        )
        return f"{row['speedup']:.1f}×" if kind == "speedup" else f"{row['median']:.2f} s"
    if kind == "overhead":
        micros = report["per_task_overhead_us"][args[0]]
        return f"{micros:,.1f} µs" if micros < 10 else f"{micros:,.0f} µs"
    if kind == "startup":
        return f"{report['startup_seconds'][args[0]]:.2f} s"
    if kind == "waits":
        return f"{next(w['seconds'] for w in report['asyncio_waits'] if w['waits'] == int(args[0])):.3f} s"
    if kind == "machine":
        m = report["machine"]
        return f"{m['cores']} cores ({m['cpu']}), CPython {m['python']}, {m['date'][:10]}"
    raise ValueError(f"unknown benchmark figure [[bench:{kind}:{':'.join(args)}]]")


MATHJAX_LOADER = re.compile(r"<script data-mkdocs-jupyter-mathjax=.*?</script>\n?", re.S)


def on_post_page(html: str, **_) -> str:
    return MATHJAX_LOADER.sub("", html)


def on_post_build(config, **_) -> None:
    site = Path(config["site_dir"])
    for source, target in VENDORED.items():
        (site / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "node_modules" / source, site / target)
    add_workloads_wheel(site / "pyodide")


def add_workloads_wheel(pyodide: Path) -> None:
    """Build a pure-Python wheel of examples/workloads.py into `pyodide` and write a lock file
    that lists it (and nothing the site does not ship), with pyodide-build's lockfile tool."""
    source = ROOT / "examples" / "workloads.py"
    # The content hash in the version changes the file name, so no browser cache serves a stale
    # wheel (Pyodide checks each wheel against the sha256 in the lock file).
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "workloads"
        project.mkdir()
        shutil.copyfile(source, project / "workloads.py")
        (project / "pyproject.toml").write_text(
            '[build-system]\nrequires = ["flit_core"]\nbuild-backend = "flit_core.buildapi"\n'
            f'[project]\nname = "workloads"\nversion = "1.0+{digest}"\n'
            'description = "The shared workloads of the examples"\nrequires-python = ">=3.11"\n'
        )
        wheels = Path(tmp) / "dist"
        python("-m", "build", "--wheel", "--no-isolation", "--outdir", wheels, project)
        (wheel,) = wheels.glob("*.whl")
        wheel = Path(shutil.copy(wheel, pyodide))
        lock = json.loads((ROOT / "node_modules/pyodide/pyodide-lock.json").read_text())
        lock["packages"] = {}  # the npm package ships none of the packages its lock names
        core_lock = Path(tmp) / "core-lock.json"
        core_lock.write_text(json.dumps(lock))
        lockfile = ("-m", "pyodide_cli", "lockfile", "add-wheels", "--input", core_lock)
        python(*lockfile, "--output", pyodide / "pyodide-lock.json", "--base-path", pyodide, wheel)


def python(*args: str | Path) -> None:
    """Run the tool environment's Python; fail the build, with the tool's output, if it fails."""
    result = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=False)
    if result.returncode:
        raise RuntimeError(f"{' '.join(map(str, args))} failed:\n{result.stdout}{result.stderr}")
