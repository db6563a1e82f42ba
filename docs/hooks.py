"""The site's only custom MkDocs machinery. What an example *is* comes from the example contract,
tests/support/examples.py; this hook only turns it into pages.

1. Every include of an example (a ```python fence whose body is `--8<-- "name.py"`) becomes the
   block a reader uses: the program as it runs (without its spec block), Download links for it
   and the helpers it imports, the `pip install` line it needs, the recorded output of a real run
   with the CPython version and date, the bounds the tests check said in words, and where it is
   tested. The downloadable files are added to the site as examples/NAME.py.
2. Examples marked `browser` get the `runnable` class (Run / Stop / Reset, docs/assets/runner/);
   the other examples on such a page say why they have no Run button.
3. `test="skip"` and `raises="SomeError"` on a ```python fence are instructions for
   tests/test_docs_blocks.py; they are removed before the page is rendered.
4. `[[bench:...]]` is replaced by a figure from docs/benchmarks/results.json.
5. Front-end files the site serves itself (no CDN) are copied from node_modules into the site;
   mkdocs-jupyter's MathJax loader, which would fetch MathJax from a CDN, is removed (the
   notebooks contain no math). A browser example's helpers (workloads.py) reach Pyodide as they
   reach a reader: the runner fetches the same downloadable files and writes them beside it.
"""

from __future__ import annotations

import datetime
import json
import posixpath
import re
import shutil
import sys
from pathlib import Path

from mkdocs.structure.files import File

DOCS = Path(__file__).parent
ROOT = DOCS.parent
sys.path.insert(0, str(ROOT))
from tests.support import examples as contract  # noqa: E402 - the contract lives beside the tests

TEST_OPTIONS = re.compile(
    r'^(\s*(?:`{3,}|~{3,})\s*py(?:thon)?\b.*?)\s+(?:test|raises)="[^"]*"', re.M
)
VENDORED = {"mermaid/dist/mermaid.min.js": "assets/vendor/mermaid.min.js"} | {
    f"pyodide/{name}": f"pyodide/{name}"  # core runtime + stdlib only: no map files, no consoles
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
}
DOWNLOADS = "examples"  # site folder of the downloadable programs
PROVEN = contract.proven_runs()  # the runs CI passed, when the site is built there


def on_files(files, config, **_):
    """Every example, as the reader downloads it (the program without its spec block)."""
    for example in contract.all_examples():
        files.append(File.generated(config, f"{DOWNLOADS}/{example.name}", content=example.program))
    return files


def on_page_markdown(markdown: str, page, **_) -> str:
    while True:
        stripped = TEST_OPTIONS.sub(r"\1", markdown)
        if stripped == markdown:
            break
        markdown = stripped
    if "[[bench:" in markdown:
        report = contract.bench_results()
        markdown = contract.BENCH.sub(
            lambda m: contract.bench_figure(report, *m.group(1).split(":")), markdown
        )
    return example_blocks(markdown, page.file.src_uri)


def example_blocks(markdown: str, src_uri: str) -> str:
    names = contract.included_examples(markdown)
    if not names:
        return markdown
    here = posixpath.dirname(src_uri) or "."
    examples = {name: contract.load(contract.EXAMPLES_DIR / name) for name in names}
    has_runner = any(e.browser for e in examples.values())
    records = contract.load_records()
    seen_requirements: set[str] = set()

    def rewrite(m: re.Match) -> str:
        example = examples[m["name"]]
        options = m["options"]
        fence = "`" * max(len(m["fence"]), longest_backticks(example.program) + 1)
        if example.browser:  # superfences' attribute form keeps title= and friends
            downloads = posixpath.relpath(DOWNLOADS, page_dir(src_uri)) + "/"
            helpers = " ".join(example.helpers())
            head = (
                f'{fence}{{ .python .runnable data-example="{example.name}"'
                f' data-helpers="{helpers}" data-downloads="{downloads}"{options} }}'
            )
        else:
            head = f"{fence}python{options}"
        parts = [head, example.program.rstrip("\n"), fence, ""]
        parts += meta(example, here, seen_requirements)
        parts += recorded(example, records.get(example.name))
        if has_runner and not example.browser:
            why = posixpath.relpath("browser.md", here)
            parts += [
                f"Runs with CPython only — [why?]({why}#what-a-browser-cannot-run)",
                "{: .runner-note }",
                "",
            ]
        lines = "\n".join(parts).split("\n")
        return "\n".join(m["indent"] + line if line else "" for line in lines).rstrip("\n")

    return contract.INCLUDE.sub(rewrite, markdown)


def longest_backticks(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)


def link(name: str, here: str) -> str:
    return f"[`{name}`]({posixpath.relpath(f'{DOWNLOADS}/{name}', here)}){{ download }}"


def meta(example, here: str, seen_requirements: set[str]) -> list[str]:
    """Download links, helpers and the install line, under the code."""
    helpers = example.helpers()
    text = f"Download {link(example.name, here)}"
    if helpers:
        files = " and ".join(link(h, here) for h in helpers)
        text += f" and put {files} beside it (it imports {'them' if len(helpers) > 1 else 'it'})"
    lines = [text + ".", "{: .example-files }", ""]
    requirements = example.requirements()
    if requirements:
        lines += [f"Needs `pip install {' '.join(shell_quote(r) for r in requirements)}`", ""]
        if not seen_requirements.issuperset(requirements):
            lines[-2] = lines[-2].replace("Needs", "Install what it needs first:")
        lines.insert(-1, "{: .example-install }")
        seen_requirements.update(requirements)
    return lines


def shell_quote(requirement: str) -> str:
    return f"'{requirement}'" if re.search(r"[ ;<>]", requirement) else requirement


def recorded(example, record: dict | None) -> list[str]:
    """The recorded run: its stdout, where and when it ran, the bounds and where it is tested."""
    if example.tested_by:  # a harness with a test of its own (the benchmark: results on its page)
        return []
    if record is None or record["digest"] != example.digest():
        # The tests fail on this (test_recorded_output_is_current); the page says it plainly.
        return ["No recorded run yet: `make update-output` records one.", ""]
    when = datetime.date.fromisoformat(record["date"]).strftime("%-d %b %Y")
    where = f"CPython {record['python']}" + (
        f", {record['start_method']}" if record["start_method"] else ""
    )
    title = f"Output of a real run · {where} · {when}"
    body = "\n".join(record["stdout"]) or "(prints nothing)"
    fence = "`" * max(3, longest_backticks(body) + 1)
    lines = [f'{fence}text title="{title}"', body, fence, ""]
    checks = contract.guarantees(example.expected, record["stdout"])
    if checks:
        items = "; ".join(f"`{line.strip()}` — {words}" for line, words in checks)
        lines += [f"Bounds the tests check on every CPython: {items}.", "{: .example-checks }", ""]
    if example.caption:
        lines[0] = f'{fence}text title="{title} ({example.caption})"'
    lines += [tested_on_line(example, PROVEN), "{: .example-tested }", ""]
    return lines


def tested_on_line(example, proven: dict | None) -> str:
    """Where the example is proven. Built by CI (PROOFS_DIR), it lists the runs that passed there;
    elsewhere it names the CPythons CI runs it on (tests/support/pythons.json)."""
    where = contract.tested_on(example)
    if proven is not None:
        runs = proven.get(example.name, {})
        where = {v: why or ("" if v in runs else "not run") for v, why in where.items()}
        methods = set().union(*runs.values()) - {None} if runs else set()
        ok = [v for v, why in where.items() if not why]
        text = "Tested by CI on CPython " + ", ".join(ok)
        if methods:
            text += " × " + ", ".join(m for m in contract.START_METHODS if m in methods)
    else:
        ok = [v for v, why in where.items() if not why]  # a local build: what CI will run
        text = "CI runs it on CPython " + ", ".join(ok)
        if example.processes:
            text += " × " + ", ".join(contract.START_METHODS)
    if example.browser:
        text += "; and in your browser (Pyodide)"
    missing = {v: why for v, why in where.items() if why}
    if missing:
        text += "; not on " + "; ".join(f"{v} ({why})" for v, why in missing.items())
    return text + "."


MATHJAX_LOADER = re.compile(r"<script data-mkdocs-jupyter-mathjax=.*?</script>\n?", re.S)


def on_post_page(html: str, **_) -> str:
    return MATHJAX_LOADER.sub("", html)


def on_post_build(config, **_) -> None:
    site = Path(config["site_dir"])
    for source, target in VENDORED.items():
        (site / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "node_modules" / source, site / target)
    # Pyodide reads its lock file at start; the npm package ships none of the packages it names,
    # and the site ships none: browser examples import the standard library and their helpers.
    lock = json.loads((ROOT / "node_modules/pyodide/pyodide-lock.json").read_text())
    (site / "pyodide" / "pyodide-lock.json").write_text(json.dumps(lock | {"packages": {}}))


def page_dir(src_uri: str) -> str:
    """The folder of a page's URL: threading.md -> threading, index.md -> ."""
    path = src_uri.removesuffix(".md")
    return posixpath.dirname(path) or "." if path.endswith("index") else path
