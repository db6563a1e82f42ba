"""The runner's mechanics in Chromium: edited code runs (Ctrl+Enter); Stop, and instant navigation
to another page, end a busy program within a second as its own heartbeat shows; a flood of output
leaves the page responsive; tracebacks show, and the failures a browser causes get a hint with a
link; no request leaves 127.0.0.1 and no Pyodide file is fetched before the reader shows intent
to run; the page names the pinned Pyodide; under Node.js (no stack switching) asyncio.run() fails
the way the runner's hint expects."""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from tests.support.browser import (
    BROWSER_MARKS,
    COLD_START,
    PLAYGROUND,
    ROOT,
    Block,
    Server,
    leaves_localhost,
    open_page,
    url_path,
)

pytestmark = BROWSER_MARKS


EDITED = """\
import asyncio, subprocess, sys
print("pthreads:", sys._emscripten_info.pthreads)
try:
    subprocess.run(["true"])
except OSError as exc:
    print("subprocess:", exc)
ticks = 0
async def ticker():
    global ticks
    while True:
        ticks += 1
        await asyncio.sleep(0.005)
async def main():
    global ticks
    task = asyncio.create_task(ticker())
    await asyncio.sleep(0.05)
    ticks = 0
    await asyncio.to_thread(sum, range(3 * 10**6))
    print("ticks during a CPU-bound to_thread call:", ticks)
    task.cancel()
asyncio.run(main())
"""


# A program that never waits and posts a heartbeat (a BroadcastChannel message the test page
# listens to) every 10 ms: when the heartbeats stop, Python has stopped.
HEARTBEAT = """\
import time
import js
channel = js.BroadcastChannel.new("heartbeat")
last = 0
while True:
    now = time.monotonic()
    if now - last > 0.01:
        channel.postMessage(now)
        last = now
"""


def start_heartbeat(page, block: Block) -> None:
    """Run HEARTBEAT in `block` until the page has heard it beat 20 times."""
    page.evaluate(
        """() => {
            window.beats = 0;
            window.heartbeat = new BroadcastChannel("heartbeat");
            window.heartbeat.onmessage = () => {
                window.beats++;
                window.lastBeat = performance.now();
            };
        }"""
    )
    block.edit(HEARTBEAT)
    block.run_button.click()
    page.wait_for_function("() => window.beats > 20", timeout=COLD_START * 1000)


def click_at(page, element) -> float:
    """Click `element` from inside the page; the page's clock (ms) at the click."""
    return page.evaluate(
        "element => { element.click(); return performance.now(); }", element.element_handle()
    )


def ms_of_python_after(page, moment: float) -> float:
    """How long the heartbeat went on after `moment`, once a busy worker is surely gone."""
    time.sleep(2.5)  # longer than Chromium lets a busy worker run after terminate() (2 s)
    return page.evaluate("() => window.lastBeat") - moment


@pytest.mark.exclusive
def test_stop_flood_and_traceback(
    browser: Browser, server: Server, pages_of_examples: dict, proof
) -> None:
    page = open_page(browser, server.url + pages_of_examples[PLAYGROUND])
    block = Block(page, PLAYGROUND)

    proof("runner: edited code runs (Ctrl+Enter)", "")
    block.edit(EDITED)
    page.keyboard.press("ControlOrMeta+Enter")
    block.wait_until_finished(COLD_START)
    assert block.lines() == [
        "pthreads: False",
        "subprocess: [Errno 138] emscripten does not support processes.",
        "ticks during a CPU-bound to_thread call: 0",
    ]

    proof("runner: Stop ends a busy program within 1 s (its heartbeat stops)", "")
    start_heartbeat(page, block)
    stopped_at = click_at(page, block.stop_button)
    assert block.wait_until_finished(timeout=5) == "Stopped."
    ran = ms_of_python_after(page, stopped_at)
    assert ran < 1000, f"Python ran {ran:.0f} ms after Stop"
    block.edit('print("running again")\n')
    assert block.run() == ["running again"]

    proof("runner: a million printed lines leave the page responsive", "")
    block.edit("for i in range(10**6):\n    print(i)\n")
    block.run_button.click()
    answers = []  # seconds the page takes to answer while the flood goes on
    while block.run_button.is_disabled():
        start = time.monotonic()
        page.evaluate("() => document.body.childElementCount")  # a round trip through the page
        answers.append(time.monotonic() - start)
        time.sleep(0.1)
    assert len(answers) >= 3, "the flood ended too soon to test anything"
    assert max(answers) < 1.0, f"the page took {max(answers):.2f} s to answer during the flood"
    lines = block.lines()
    assert lines[:3] == ["0", "1", "2"]
    assert any(re.fullmatch(r"… [\d,]+ more lines not shown …", line) for line in lines)
    assert lines[-1] == "999999"
    assert len("\n".join(lines)) < 120_000, "the output panel must stay small"

    proof("runner: an exception shows its traceback", "")
    block.edit('def divide(a, b):\n    return a / b\n\nprint("before")\ndivide(1, 0)\n')
    lines = block.run()
    assert block.status.inner_text().startswith("Failed")
    assert lines == [
        "before",
        "Traceback (most recent call last):",
        '  File "examples/browser_playground.py", line 5, in <module>',
        "    divide(1, 0)",
        "    ~~~~~~^^^^^^",
        '  File "examples/browser_playground.py", line 2, in divide',
        "    return a / b",
        "           ~~^~~",
        "ZeroDivisionError: division by zero",
    ]


def test_instant_navigation_stops_the_program(
    browser: Browser, server: Server, pages_of_examples: dict, proof
) -> None:
    """A click on a link mid-run: Material swaps the page in (instant navigation, no page load:
    the test server lists its own URLs in sitemap.xml, as the host does), and the program's
    heartbeat stops within a second."""
    proof("runner: instant navigation mid-run stops the program within 1 s", "")
    page = open_page(browser, server.url + pages_of_examples[PLAYGROUND])
    loads = []
    page.on("load", lambda _: loads.append(page.url))
    start_heartbeat(page, Block(page, PLAYGROUND))
    page.evaluate("() => { window.samePage = true; }")
    left_at = click_at(page, page.locator('nav.md-nav a[href$="asyncio/"]').first)
    page.wait_for_url("**/asyncio/")
    ran = ms_of_python_after(page, left_at)
    assert page.evaluate("() => window.samePage") is True, (
        "a full page load, not instant navigation"
    )
    assert not loads, f"pages loaded: {loads}"
    assert ran < 1000, f"Python ran {ran:.0f} ms after leaving"


def test_one_program_at_a_time(
    browser: Browser, server: Server, pages_of_examples: dict, proof
) -> None:
    """Two examples on one page share one Python: Run on the second stops the first (its
    heartbeat stops within a second), which says why, and the second runs."""
    proof("runner: a second example's Run stops the first, which says so", "")
    page = open_page(browser, server.url + pages_of_examples[PLAYGROUND])
    others = [name for name, path in pages_of_examples.items() if path == page_path(page)]
    second = Block(page, next(name for name in others if name != PLAYGROUND))
    block = Block(page, PLAYGROUND)
    start_heartbeat(page, block)
    started_at = click_at(page, second.run_button)
    second.wait_until_finished(COLD_START)
    assert second.status.inner_text().startswith("Finished"), second.lines()
    assert "share one Python and run one at a time" in block.status.inner_text()
    ran = ms_of_python_after(page, started_at)
    assert ran < 1000, f"the first ran {ran:.0f} ms more"


def page_path(page) -> str:
    return urlsplit(page.url).path


def test_nothing_leaves_localhost_and_pyodide_waits_for_intent(
    browser: Browser, server: Server, site: Path, pages_of_examples: dict, proof
) -> None:
    """Every page is opened; no request goes anywhere but 127.0.0.1, and no Pyodide file is
    fetched before the reader points at a Run button (the worker's requests are in the log too)."""
    proof("request log: only 127.0.0.1, no Pyodide before intent", "")
    requests: list[str] = []
    page = open_page(browser, server.url + "/", requests)
    by_page: dict[str, list[str]] = {}
    for html in sorted(site.rglob("index.html")):
        seen = len(requests)
        page.goto(server.url + url_path(site, html))
        page.wait_for_load_state("networkidle")
        by_page[url_path(site, html)] = requests[seen:]
    page.goto(server.url + pages_of_examples[PLAYGROUND])
    page.wait_for_load_state("networkidle")
    seen = len(requests)
    Block(page, PLAYGROUND).run()
    by_page["first Run"] = requests[seen:]

    def problems(is_bad) -> list[str]:
        return [f"{where}: {url}" for where, urls in by_page.items() for url in urls if is_bad(url)]

    elsewhere = problems(leaves_localhost)
    assert not elsewhere, "requests that left 127.0.0.1:\n" + "\n".join(elsewhere)
    early = [p for p in problems(lambda url: "/pyodide/" in url) if not p.startswith("first Run")]
    assert not early, "Pyodide fetched before intent:\n" + "\n".join(early)
    fetched = {urlsplit(url).path.rsplit("/", 1)[-1] for url in by_page["first Run"]}
    assert {"pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip"} <= fetched


def test_page_names_the_pinned_pyodide(proof) -> None:
    """docs/browser.md names the Pyodide and Python versions the site really ships."""
    proof("browser.md names the pinned Pyodide", "")
    pyodide = ROOT / "node_modules" / "pyodide"
    version = json.loads((pyodide / "package.json").read_text())["version"]
    python = json.loads((pyodide / "pyodide-lock.json").read_text())["info"]["python"]
    page = (ROOT / "docs" / "browser.md").read_text()
    assert f"Pyodide {version}, which is Python {python}" in page


NODE_SCRIPT = """
const { loadPyodide } = await import(process.argv[2] + "/pyodide.mjs");
const py = await loadPyodide({ indexURL: process.argv[2] + "/" });
py.runPython("import asyncio\\nasync def main():\\n    await asyncio.sleep(0.01)\\n    return 'done'");
try {
  await py.runPythonAsync("asyncio.run(main())");
  console.log("asyncio.run(main()): works");
} catch (error) {
  console.log("asyncio.run(main()): " + error.message.trim().split("\\n").at(-1));
}
console.log("await main(): " + (await py.runPythonAsync("await main()")));
"""


def test_without_stack_switching_top_level_await_works(tmp_path: Path, proof) -> None:
    """Under Node.js (no JSPI in Node 20), the same Pyodide: asyncio.run() fails with the message
    the runner's hint looks for, and top-level `await main()`, the hint's advice, works."""
    proof("Pyodide under Node.js: asyncio.run without JSPI, top-level await", "")
    script = tmp_path / "jspi.mjs"
    script.write_text(NODE_SCRIPT)
    result = subprocess.run(
        ["node", script, ROOT / "node_modules" / "pyodide"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    lines = result.stdout.splitlines()
    assert lines[0] in (
        "asyncio.run(main()): RuntimeError: WebAssembly stack switching not supported in this JavaScript runtime",
        "asyncio.run(main()): works",  # a Node.js with JSPI
    ), result.stdout + result.stderr
    assert "stack switching not supported" in (ROOT / "docs/assets/runner/worker.js").read_text()
    assert lines[1] == "await main(): done"


# The failures a browser causes: (program, last traceback line, anchor of its explanation).
ERRORS = {
    "thread": (
        "import threading\nthreading.Thread(target=print).start()\n",
        "RuntimeError: can't start new thread",
        "threads",
    ),
    "thread pool": (
        "from concurrent.futures import ThreadPoolExecutor\n"
        "with ThreadPoolExecutor() as pool:\n    pool.submit(print, 1).result()\n",
        "RuntimeError: can't start new thread",
        "threads",
    ),
    "process": (
        "import multiprocessing\nmultiprocessing.Process(target=print).start()\n",
        "ModuleNotFoundError: No module named '_multiprocessing'",
        "processes",
    ),
    "process pool": (
        "from concurrent.futures import ProcessPoolExecutor\n"
        "with ProcessPoolExecutor() as pool:\n    pool.submit(print, 1).result()\n",
        "NotImplementedError: This Python build lacks multiprocessing.synchronize,",
        "processes",
    ),
    "subinterpreter": (
        "from concurrent import interpreters\ninterpreters.create()\n",
        "ModuleNotFoundError: No module named '_interpreters'",
        "subinterpreters",
    ),
    "input": ("name = input()\n", "EOFError: EOF when reading a line", "input"),
    "subprocess": (
        "import subprocess\nsubprocess.run(['ls'])\n",
        "OSError: [Errno 138] emscripten does not support processes.",
        "processes",
    ),
    "socket": (
        "import socket\nserver = socket.socket()\nserver.bind(('127.0.0.1', 0))\nserver.listen()\n",
        "OSError: [Errno 138] Not supported",
        "sockets",
    ),
    "asyncio server": (
        "import asyncio\nasync def main():\n"
        "    await asyncio.start_server(lambda r, w: None, '127.0.0.1', 0)\nasyncio.run(main())\n",
        "NotImplementedError: create_server() is not available",
        "sockets",
    ),
    "package": ("import numpy\n", "ModuleNotFoundError: No module named 'numpy'", "packages"),
}


@pytest.mark.parametrize("case", ERRORS)
def test_error_hint(reader, pages_of_examples: dict, case: str, proof) -> None:
    """The real traceback, without Pyodide's frames, then one sentence and a link to the section
    of the browser page that explains the failure; the status points down to it. (One page
    runs every case in turn, as a reader trying one thing after another does.)"""
    proof(f"runner: a hint under the {case} error", "")
    page = reader(pages_of_examples[PLAYGROUND])
    block = Block(page, PLAYGROUND)
    source, error, anchor = ERRORS[case]
    block.edit(source)
    lines = block.run()
    assert block.status.inner_text() == "Failed: see the error below the output."
    assert lines[0] == "Traceback (most recent call last):"
    frames = [line for line in lines if line.startswith('  File "')]
    assert any(f.startswith('  File "examples/browser_playground.py"') for f in frames), lines
    assert not [line for line in frames if "pyodide" in line.lower()], lines
    assert any(line.startswith(error) for line in lines[1:-1]), lines
    hint = block.output.locator(".runner-hint")
    assert lines[-1] == hint.inner_text().strip()
    link = hint.locator("a")
    assert link.inner_text() == "Why?"
    href = link.get_attribute("href")
    assert href.endswith(f"/browser/#{anchor}")
    with page.context.expect_page() as opened:  # the section that explains it, in a new tab
        link.click(modifiers=["ControlOrMeta"])  # (this tab keeps its runtime for the next case)
    explained = opened.value
    explained.wait_for_load_state()
    assert explained.url.endswith(f"/browser/#{anchor}")
    assert explained.locator(f"#{anchor}").count() == 1
    explained.close()


# Failures of the program's own, which the browser does not cause: no hint.
OWN_ERRORS = {
    "asyncio timeout": (
        "import asyncio\nasync def main():\n"
        "    async with asyncio.timeout(0.01):\n        await asyncio.sleep(1)\nasyncio.run(main())\n",
        "TimeoutError",
    ),
    "value error": ("int('x')\n", "ValueError: invalid literal for int() with base 10: 'x'"),
}


@pytest.mark.parametrize("case", OWN_ERRORS)
def test_no_hint_for_the_programs_own_error(
    reader, pages_of_examples: dict, case: str, proof
) -> None:
    proof(f"runner: no hint under the program's own {case} error", "")
    page = reader(pages_of_examples[PLAYGROUND])
    block = Block(page, PLAYGROUND)
    source, error = OWN_ERRORS[case]
    block.edit(source)
    lines = block.run()
    assert block.status.inner_text() == "Failed: see the error below the output."
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1] == error, lines
    assert block.output.locator(".runner-hint").count() == 0


# Contrast of every piece of text in the editor against the editor's background (WCAG 2.x), with
# translucent colours blended over it.
CONTRASTS = """editor => {
    const rgba = (text) => text.match(/[\\d.]+/g).map(Number);
    const blend = ([r, g, b, a = 1], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
    const luminance = (rgb) => {
        const [r, g, b] = rgb.map((c) => {
            c /= 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const background = blend(rgba(getComputedStyle(editor).backgroundColor), [255, 255, 255]);
    const walker = document.createTreeWalker(editor.querySelector(".cm-content"), NodeFilter.SHOW_TEXT);
    const found = [];
    while (walker.nextNode()) {
        const text = walker.currentNode.textContent.trim();
        if (!text) continue;
        const color = blend(rgba(getComputedStyle(walker.currentNode.parentElement).color), background);
        const [hi, lo] = [luminance(color), luminance(background)].sort((a, b) => b - a);
        found.push([text, (hi + 0.05) / (lo + 0.05), getComputedStyle(walker.currentNode.parentElement).color]);
    }
    return found;
}"""

TYPED = 'def f():\n"""Its docstring."""\nreturn [1, 2.5, None, True] + "text"  # a comment\n'


def test_editor_highlights_typed_code_in_both_schemes(
    browser: Browser, server: Server, pages_of_examples: dict, proof
) -> None:
    """The editor loads on the first focus (not before), re-highlights what the reader types in
    Material's code colours with >= 4.5:1 contrast in both schemes; Tab indents, Escape leaves
    for the Run button, the "edited" mark shows and Reset restores the code."""
    proof("runner editor: typed code highlighted, >= 4.5:1 in both schemes, keyboard", "")
    requests: list[str] = []
    page = open_page(browser, server.url + pages_of_examples[PLAYGROUND], requests)
    assert not [url for url in requests if url.endswith("/editor.js")], "editor loaded early"
    block = Block(page, PLAYGROUND)
    original = block.code.text_content()
    edited_mark = block.bar.locator(".runner-edited")
    assert not edited_mark.is_visible()
    editor = block.open_editor()
    assert [url for url in requests if url.endswith("/editor.js")]
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    page.keyboard.type(TYPED)  # key by key, as a reader types
    assert editor.inner_text().splitlines()[:3] == [
        "def f():",
        '    """Its docstring."""',
        '    return [1, 2.5, None, True] + "text"  # a comment',
    ]
    assert edited_mark.is_visible()
    for scheme in ("default", "slate"):
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        page.wait_for_timeout(500)  # Material's colour transitions (125 ms) are over
        found = page.evaluate(CONTRASTS, block.block.locator(".cm-editor").element_handle())
        colours = {text: colour for text, _, colour in found}
        variables = page.evaluate(
            """() => Object.fromEntries(["keyword", "string", "comment", "number"].map((name) => {
                const probe = document.createElement("span");
                probe.style.color = `var(--md-code-hl-${name}-color)`;
                document.querySelector(".cm-content").append(probe);
                const colour = getComputedStyle(probe).color;
                probe.remove();
                return [name, colour];
            }))"""
        )
        assert colours["def"] == variables["keyword"], (scheme, found)
        assert colours['"text"'] == variables["string"], (scheme, found)
        assert colours["# a comment"] == variables["comment"], (scheme, found)
        assert colours["2.5"] == variables["number"], (scheme, found)
        low = [(text, round(ratio, 2)) for text, ratio, _ in found if ratio < 4.5]
        assert not low, f"{scheme}: text under 4.5:1 in the editor: {low}"

    page.keyboard.press("Home")
    page.keyboard.press("Tab")
    assert editor.inner_text().splitlines()[3].startswith("    ")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.activeElement.classList.contains('runner-run')")
    block.bar.locator("button.runner-reset").click()
    assert page.evaluate("block => block.runner.source()", block.block.element_handle()) == original
    assert not edited_mark.is_visible()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def test_runner_controls_are_accessible_in_both_schemes(
    browser: Browser, server: Server, pages_of_examples: dict, proof
) -> None:
    """axe-core (self-hosted from npm) on the runner's own markup after a run with an error hint
    and with the editor open, in both schemes: no violation; each button's accessible name starts
    with its visible label; the output panel is focusable, labelled and announced politely."""
    proof("runner: axe-core finds nothing on the runner's controls, both schemes", "")
    page = open_page(browser, server.url + pages_of_examples[PLAYGROUND])
    block = Block(page, PLAYGROUND)
    block.edit("print('hello')\nimport threading\nthreading.Thread(target=print).start()\n")
    block.run()
    assert block.output.locator(".runner-hint a").count() == 1
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
    for button in block.bar.locator("button").all():
        assert button.get_attribute("aria-label").startswith(button.inner_text())
    assert block.output.get_attribute("tabindex") == "0"
    assert block.output.get_attribute("aria-label")
    assert block.output.get_attribute("aria-live") == "polite"
    assert block.status.get_attribute("aria-live") == "polite"
    # A page with CPython-only examples too: their "Runs with CPython only — why?" notes.
    page.goto(server.url + "/asyncio/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".runner-note").count() > 0
    violations = axe_violations(page)
    assert not violations, "/asyncio/:\n" + "\n".join(violations)


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = []
    for scheme in ("default", "slate"):
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        page.wait_for_timeout(500)  # Material's colour transitions (125 ms) are over
        violations = page.evaluate(
            """async () => {
                const include = [".runner-bar", ".runner-output", ".runner-editor", ".runner-note"]
                    .filter((selector) => document.querySelector(selector));
                const result = await axe.run({ include, exclude: [[".md-code__nav"]] },  // Material's own
                                             { resultTypes: ["violations"] });
                return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`
                    + ` ${v.nodes.map((n) => n.failureSummary).join(" ")}`);
            }"""
        )
        found += [f"{scheme}: {violation}" for violation in violations]
    return found
