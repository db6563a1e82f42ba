"""The site's only custom MkDocs machinery. What an example *is* comes from the example contract,
tests/support/examples.py; this hook only turns it into pages.

1. Every include of an example (a ```python fence whose body is `--8<-- "name.py"`) becomes the
   block a reader uses: the program as it runs (without its spec block), Download links for it
   and the helpers it imports, the `pip install` line it needs, the recorded output of a real run
   with the CPython version and date, the bounds the tests check said in words, and where it is
   tested. The downloadable files are added to the site as examples/NAME.py.
2. Examples marked `browser` get the `runnable` class (Run / Stop / Reset, docs/assets/runner/);
   the other examples on such a page say why they have no Run button. Those marked
   `browser=stand-in` say, under the Run button, that a simulated server stands in for the
   network (workloads.py in Pyodide); `[[browser-list]]` (docs/browser.md) lists every example:
   the runnable ones, and the others with what they use that a page lacks.
3. `test="skip"` and `raises="SomeError"` on a ```python fence are instructions for
   tests/test_docs_blocks.py; they are removed before the page is rendered.
4. `[[bench:...]]` is replaced by a figure from docs/benchmarks/results.json.
5. Front-end files the site serves itself (no CDN) are copied from node_modules into the site;
   mkdocs-jupyter's MathJax loader, which would fetch MathJax from a CDN, is removed (the
   notebooks contain no math). A browser example's helpers (workloads.py) reach Pyodide as they
   reach a reader: the runner fetches the same downloadable files and writes them beside it.
   Pyodide's standard library gets bytecode for the modules a first Run imports
   (docs/assets/runner/precompile.mjs): a fresh Pyodide then starts without compiling them.
6. A ```decision fence (the decision guide on choosing.md) becomes nested HTML lists drawn as a
   flowchart by docs/assets/decision.css: no script, and the lists are the text alternative.
7. Notebook pages (docs/*.nb.py, mkdocs-jupyter) lose JupyterLab's inlined CSS for
   docs/assets/notebook.css, and their figures become lazy files with alt texts (issue 15).
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import posixpath
import re
import shutil
import subprocess
import sys
from html import escape as html_escape
from pathlib import Path

from mkdocs.structure.files import File

DOCS = Path(__file__).parent
ROOT = DOCS.parent
sys.path.insert(0, str(ROOT))
from tests.support import examples as contract  # noqa: E402 - the contract lives beside the tests

TEST_OPTIONS = re.compile(
    r'^(\s*(?:`{3,}|~{3,})\s*py(?:thon)?\b.*?)\s+(?:test|raises)="[^"]*"', re.M
)
VENDORED = {
    f"pyodide/{name}": f"pyodide/{name}"  # core runtime + stdlib only: no map files, no consoles
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
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
    markdown = decision_guides(markdown)
    if "[[bench:" in markdown:
        report = contract.bench_results()
        markdown = contract.BENCH.sub(
            lambda m: contract.bench_figure(report, *m.group(1).split(":")), markdown
        )
    if BROWSER_LIST in markdown:
        markdown = markdown.replace(BROWSER_LIST, browser_list(page.file.src_uri))
    return example_blocks(markdown, page.file.src_uri)


# ---------------------------------------------------------------------------------------------
# 6. The decision guide. A ```decision fence holds a question, its answers as `- ` lines, and
#    under each answer either `→ what to choose` on the same line or the next question, indented:
#
#        What does each task spend its time on?
#        - waiting
#          What code do you have?
#          - new code → [asyncio](asyncio.md)
#          - ...
#        - computing → ...
#
#    It becomes nested <ul> lists (Markdown stays Markdown: links, code, [[bench:...]] figures),
#    which docs/assets/decision.css draws as a flowchart that follows the colour scheme and reflows
#    on a phone, and which a screen reader reads as the decision in words.

DECISION_FENCE = re.compile(r"^```decision[ \t]*\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
DECISION_THEN = " → "


def decision_guides(markdown: str) -> str:
    return DECISION_FENCE.sub(lambda m: render_decision(parse_decision(m["body"])), markdown)


def parse_decision(body: str) -> tuple[str, list]:
    """(question, [(answer, outcome or the next question), ...]); a malformed tree fails the build."""
    lines = [(len(line) - len(line.lstrip(" ")), line.strip()) for line in body.splitlines()]
    lines = [(indent, text) for indent, text in lines if text]
    pos = 0

    def question(indent: int) -> tuple[str, list]:
        nonlocal pos
        if lines[pos][0] != indent or lines[pos][1].startswith("- "):
            raise ValueError(f"decision: expected a question, got {lines[pos][1]!r}")
        text = lines[pos][1]
        pos += 1
        answers = []
        while pos < len(lines) and lines[pos][0] == indent and lines[pos][1].startswith("- "):
            answer, then, outcome = lines[pos][1][2:].partition(DECISION_THEN)
            pos += 1
            if then:
                answers.append((answer.strip(), outcome.strip()))
            elif pos < len(lines) and lines[pos][0] > indent:
                answers.append((answer.strip(), question(lines[pos][0])))
            else:
                raise ValueError(f"decision: the answer {answer!r} leads nowhere")
        if len(answers) < 2:
            raise ValueError(f"decision: {text!r} needs two answers or more")
        return text, answers

    tree = question(lines[0][0]) if lines else None
    if tree is None or pos != len(lines):
        raise ValueError(f"decision: unexpected {lines[pos][1] if lines else 'empty fence'!r}")
    return tree


def render_decision(tree: tuple[str, list]) -> str:
    def question(text: str, answers: list) -> list[str]:
        html = [f'<p class="decision-question" markdown="span">{text}</p>']
        # role="list": Safari drops the list role of a list without bullets
        html.append('<ul class="decision-answers" role="list" markdown="1">')
        for answer, then in answers:
            html.append('<li markdown="1">')
            html.append(
                '<p class="decision-answer" markdown="span">'
                f'<span class="decision-sr">If </span>{answer}</p>'
            )
            if isinstance(then, str):
                html.append(
                    '<p class="decision-outcome" markdown="span">'
                    f'<span class="decision-sr">choose </span>{then}</p>'
                )
            else:
                html += question(*then)
            html.append("</li>")
        html.append("</ul>")
        return html

    head = '<div class="decision" role="group" aria-label="Decision guide" markdown="1">'
    return "\n".join(["", head, *question(*tree), "</div>", ""])


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
        if example.stand_in:  # under the Run button and the output (the runner puts them here)
            parts += stand_in_note(here)
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


def stand_in_note(here: str) -> list[str]:
    """What a `browser=stand-in` example says beside its Run button: its server is simulated."""
    why = posixpath.relpath("browser.md", here)
    return [
        "In the browser, a simulated server stands in for the network: the same latency,"
        f" no socket ([how]({why}#a-stand-in-for-the-network)).",
        "{: .runner-note .runner-stand-in }",
        "",
    ]


# ---------------------------------------------------------------------------------------------
# `[[browser-list]]` (docs/browser.md): which examples run in the page and why the others do not,
# from the examples' options and what their programs use, so the list never goes stale.

BROWSER_LIST = "[[browser-list]]"
PACKAGES = "needs packages the page's Pyodide does not have"
# What a program uses that the page lacks: (reason, modules it imports, names in its code).
BROWSER_LACKS = [
    ("starts processes", {"multiprocessing", "subprocess"},
     ("ProcessPoolExecutor", "create_subprocess", "os.fork", "os.kill(")),
    ("uses subinterpreters", {"concurrent.interpreters", "interpreters_backport"},
     ("InterpreterPoolExecutor",)),
    ("starts threads", {"threading", "_thread"},
     ("ThreadPoolExecutor", "to_thread", "run_in_executor")),
    ("opens sockets", {"socket", "socketserver", "http.server"},
     ("start_server", "open_connection")),
    ("handles signals (Ctrl+C, SIGTERM)", {"signal"}, ()),
]  # fmt: skip
# Examples whose lesson is told differently in the page (these reasons replace the ones above).
BROWSER_DIFFERS = {
    "aio_blocking.py": "`time.sleep()` does not block the page's event loop",
    "aio_coroutine_vs_task.py": "prints the class of a task: Pyodide's is `PyodideTask`",
    "aio_nested_run.py": "`asyncio.run()` inside a running loop raises no error in the page",
    "aio_shield.py": "its last line, when `asyncio.run()` cancels the task left, is not printed",
    "aio_task_cost.py": "its timing bounds are CPython's: 10,000 timers take seconds in the page",
    "debug_asyncio_tasks.py": "the runner's own task shows up in `asyncio.all_tasks()`",
    "debug_logging_tasks.py": "the page runs the program inside a task, so `taskName` is set",
    "freethreading_detect.py": "advises a process pool, which the page cannot start",
}
DIFFERS = "prints something else in the page"
UNTRIED = "not tried in the page yet"  # a new example: mark it `browser` once it passes there


def browser_reasons(example) -> list[tuple[str, str]]:
    """Why `example` has no Run button, as (kind, detail) pairs (empty: it has one)."""
    if example.browser:
        assert example.name not in BROWSER_DIFFERS, f"{example.name} is marked `browser`"
        return []
    if example.name in BROWSER_DIFFERS:
        return [(DIFFERS, BROWSER_DIFFERS[example.name])]
    reasons = []
    try:
        packages = example.distributions()
    except AssertionError:  # imports a package not pinned yet (the example tests say so)
        packages = ["not pinned yet"]
    if packages:
        reasons.append((PACKAGES, "needs " + ", ".join(packages)))
    modules = contract.imported_modules(example.program)
    modules |= {module.partition(".")[0] for module in modules}
    for reason, imports, names in BROWSER_LACKS:
        if (
            modules & imports
            or any(name in example.program for name in names)
            or (reason == "starts processes" and example.processes)
            or (reason.startswith("handles signals") and example.sigint)
        ):
            reasons.append((reason, ""))
    # Subinterpreters are missing from Pyodide's build, whatever the backport package does.
    reasons.sort(key=lambda reason: reason[0] != "uses subinterpreters")
    return reasons or [(UNTRIED, "")]


def browser_list(src_uri: str) -> str:
    """The examples with a Run button, then the others grouped by their first reason."""
    here = posixpath.dirname(src_uri) or "."
    pages = {}
    for md in sorted(DOCS.rglob("*.md")):
        for name in contract.included_examples(md.read_text(encoding="utf-8")):
            pages.setdefault(name, posixpath.relpath(md.relative_to(DOCS).as_posix(), here))

    def named(example) -> str:
        page = pages.get(example.name)
        return f"[`{example.name}`]({page})" if page else f"`{example.name}`"

    examples = contract.all_examples()
    runnable = [e for e in examples if e.browser]
    stand_in = sum(e.stand_in for e in runnable)
    groups: dict[str, list[str]] = {}
    for example in examples:
        reasons = browser_reasons(example)
        if reasons:
            (kind, detail), *more = reasons
            notes = [detail] * bool(detail) + [note or reason for reason, note in more]
            groups.setdefault(kind, []).append(
                named(example) + (f" ({'; '.join(notes)})" if notes else "")
            )
    lines = [
        f"**{len(runnable)} of the {len(examples)} examples run in the page**, {stand_in} of them"
        " with [the stand-in for the network](#a-stand-in-for-the-network) (marked *stand-in*):",
        "",
        ", ".join(named(e) + (" (*stand-in*)" if e.stand_in else "") for e in runnable) + ".",
        "",
        f"The other {len(examples) - len(runnable)}, under the first reason each cannot run"
        " here (other reasons in brackets):",
        "",
    ]
    for kind, names in sorted(
        groups.items(), key=lambda g: (g[0] in (DIFFERS, UNTRIED), -len(g[1]))
    ):
        lines.append(f"- **{kind[0].upper()}{kind[1:]}** ({len(names)}): {', '.join(names)}.")
    return "\n".join(lines) + "\n"


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
        best = (
            f" (speed bounds: the best of up to {contract.TIMING_ATTEMPTS} runs, as the claim is"
            " what an undisturbed machine does)"
            if example.timing
            else ""
        )
        lines += [
            f"Bounds the tests check on every CPython{best}: {items}.",
            "{: .example-checks }",
            "",
        ]
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


def on_post_page(html: str, page, config, **_) -> str:
    if page.file.src_uri.endswith(".nb.py"):
        html = notebook_page(html, page, config)  # 7.
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
    precompiled_stdlib(site / "pyodide" / "python_stdlib.zip")
    slim_search_index(site / "search" / "search_index.json")
    bundle_runner_editor(site)


def precompiled_stdlib(target: Path) -> None:
    """Pyodide's python_stdlib.zip plus bytecode of the modules that Pyodide, the runner and the
    browser examples (with their helpers) import, compiled by Pyodide itself under Node.
    Cached in .cache/ by what it depends on: the build runs it once per Pyodide and module set."""
    modules = sorted(
        {
            module
            for example in contract.all_examples()
            if example.browser
            for text in example.bundle().values()
            for module in contract.imported_modules(text)
        }
    )
    script = DOCS / "assets" / "runner" / "precompile.mjs"
    pyodide = ROOT / "node_modules" / "pyodide"
    key = hashlib.sha256(
        b"\0".join(
            [
                (pyodide / "package.json").read_bytes(),
                script.read_bytes(),
                *map(str.encode, modules),
            ]
        )
    ).hexdigest()[:16]
    cached = ROOT / ".cache" / f"python_stdlib-{key}.zip"
    if not cached.exists():
        cached.parent.mkdir(exist_ok=True)
        partial = cached.with_suffix(".part")
        subprocess.run(
            ["node", script, pyodide / "pyodide.mjs", partial, *modules],
            check=True,
            cwd=ROOT,
            timeout=300,
        )
        partial.replace(cached)
        for stale in cached.parent.glob("python_stdlib-*.zip"):  # built for other inputs
            if stale != cached:
                stale.unlink()
    shutil.copyfile(cached, target)


def bundle_runner_editor(site: Path) -> None:
    """The runner's code editor (CodeMirror 6, from node_modules) as one minified file,
    assets/runner/editor.js, built with esbuild; runner.js loads it on the first edit. Its
    source, editor.src.js, imports npm packages by name; mkdocs.yml keeps it out of the site."""
    source = DOCS / "assets" / "runner" / "editor.src.js"
    target = site / "assets" / "runner" / "editor.js"
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    subprocess.run(
        [esbuild, source, "--bundle", "--minify", "--format=esm", f"--outfile={target}"]
        + ["--log-level=warning"],
        check=True,
        cwd=ROOT,
        timeout=120,
    )


CODE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.S)


def slim_search_index(index: Path) -> None:
    """Search finds headings and prose: drop whole code blocks and outputs (<pre>) from the index,
    about half its size (inline `code` stays). Material fetches it only once search is opened
    (docs/overrides/main.html)."""
    data = json.loads(index.read_text(encoding="utf-8"))
    for doc in data["docs"]:
        doc["text"] = re.sub(r"\s{2,}", " ", CODE_BLOCK.sub(" ", doc["text"])).strip()
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def page_dir(src_uri: str) -> str:
    """The folder of a page's URL: threading.md -> threading, index.md -> ."""
    path = src_uri.removesuffix(".md")
    return posixpath.dirname(path) or "." if path.endswith("index") else path


# ---------------------------------------------------------------------------------------------
# 7. Notebook pages (mkdocs-jupyter, docs/*.nb.py), light enough for a phone (issue 15).
#    mkdocs-jupyter inlines JupyterLab's stylesheets (~88 KB gzipped) and the figures as data:
#    URIs. This drops those stylesheets for docs/assets/notebook.css (Material's variables, both
#    schemes), gives code cells Material's code-block markup, token colours and copy button
#    (instead of mkdocs-jupyter's own), and writes each figure to
#    assets/notebooks/<page>-<n>.svg|png, shown lazily with its size and an alt text.
#    The alt texts are written beside the code that draws each figure, as a `# alt: ...` comment
#    (continued on `#   ...` lines), one per figure, in order: a figure without one fails the build.

NOTEBOOK_STYLE = re.compile(
    r"<style[^>]*>(?:(?!</style>).)*?(?:jupyter-wrapper|highlight-ipynb).*?</style>\s*", re.S
)
NOTEBOOK_FIGURE = re.compile(r'<img\b[^>]*\bsrc="data:image/(png|svg\+xml);base64,([^"]+)"[^>]*>')
NOTEBOOK_CODE = re.compile(
    r'<div class="highlight(?:-ipynb)?(?: hl-\w+)?"><pre><span></span>(.*?)</pre></div>', re.S
)
# mkdocs-jupyter's own copy buttons (a script, a button and the source again in each code cell):
# Material adds its copy button to every code block, these included.
NOTEBOOK_CLIPBOARD = re.compile(
    r"<script>(?:(?!</script>).)*?clipboard-copy.*?</script>\s*"
    r'|<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*'
    r'|<div class="clipboard-copy-txt" id="cell-\d+">.*?</div>\s*',
    re.S,
)
NOTEBOOK_OUTPUT = re.compile(r'(<div class="jp-RenderedText[^>]*>\s*<pre>)(.*?)(</pre>)', re.S)
NOTEBOOK_TAB_STOP = re.compile(
    r'(<div class="(?:jp-Cell-inputWrapper|jp-RenderedText [^"]*)"[^>]*?) tabindex="0"'
)
NOTEBOOK_ALT = re.compile(r"^# alt: (.+(?:\n#   .+)*)", re.M)
NOTEBOOK_FIGURES = "assets/notebooks"


def notebook_page(html: str, page, config) -> str:
    """A notebook page without JupyterLab's CSS and with its figures as lazy files (see 7.)."""
    html = NOTEBOOK_CLIPBOARD.sub("", NOTEBOOK_STYLE.sub("", html))
    html = NOTEBOOK_CODE.sub(r'<div class="highlight"><pre><code>\1</code></pre></div>', html)
    html = NOTEBOOK_OUTPUT.sub(r"\1<code>\2</code>\3", html)
    html = html.replace('class="anchor-link"', 'class="headerlink"')
    # nbconvert makes every cell and text output a tab stop; the site's script
    # (overrides/main.html) makes a code block one only when it scrolls. Figure outputs keep
    # theirs: they scroll on a phone.
    html = NOTEBOOK_TAB_STOP.sub(r"\1", html)
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    alts = [re.sub(r"\n#\s+", " ", alt).strip() for alt in NOTEBOOK_ALT.findall(source)]
    figures = NOTEBOOK_FIGURE.findall(html)
    if len(alts) != len(figures):
        raise ValueError(
            f"{page.file.src_uri}: {len(figures)} figure(s) but {len(alts)} `# alt:` comment(s); "
            "write one beside the code that draws each figure"
        )
    name = page.file.src_uri.removesuffix(".nb.py").replace("/", "-")
    folder = Path(config["site_dir"]) / NOTEBOOK_FIGURES
    folder.mkdir(parents=True, exist_ok=True)
    numbered = iter(enumerate(alts, 1))

    def figure(match: re.Match) -> str:
        n, alt = next(numbered)
        kind, data = match.group(1), base64.b64decode(match.group(2))
        if kind == "png":  # the size is in the IHDR chunk
            width, height = int.from_bytes(data[16:20]), int.from_bytes(data[20:24])
            suffix = "png"
        else:  # matplotlib writes the size in points: 96 px per 72 pt
            size = re.search(rb'<svg[^>]*\bwidth="([\d.]+)pt"[^>]*\bheight="([\d.]+)pt"', data)
            width, height = (round(float(v) * 96 / 72) for v in size.groups())
            suffix = "svg"
        target = f"{NOTEBOOK_FIGURES}/{name}-{n}.{suffix}"
        (Path(config["site_dir"]) / target).write_bytes(data)
        src = posixpath.relpath(target, page.url or ".")
        return (
            f'<img class="nb-figure" src="{src}" alt="{html_escape(alt)}" width="{width}" '
            f'height="{height}" loading="lazy" decoding="async">'
        )

    return NOTEBOOK_FIGURE.sub(figure, html)
