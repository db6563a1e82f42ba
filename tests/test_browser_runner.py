"""The runner's mechanics in Chromium: edited code runs (Ctrl+Enter), Stop ends `while True: pass`
within a second, a flood of output leaves the page responsive, tracebacks show; no request
leaves 127.0.0.1 and no Pyodide file is fetched before the first Run; the page names the pinned
Pyodide; under Node.js (no stack switching) asyncio.run() fails the way the runner's hint expects."""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from tests.support.browser import (  # noqa: F401 - fixtures
    BROWSER_MARKS,
    COLD_START,
    PLAYGROUND,
    ROOT,
    Block,
    Server,
    browser,
    leaves_localhost,
    open_page,
    pages_of_examples,
    playwright,
    server,
    site,
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

    proof("runner: Stop ends `while True: pass` within 1 s", "")
    block.edit("while True:\n    pass\n")
    block.run_button.click()
    page.wait_for_function(
        "status => status.textContent === 'Running…'", arg=block.status.element_handle()
    )
    time.sleep(0.5)  # well inside the loop
    start = time.monotonic()
    block.stop_button.click()
    assert block.wait_until_finished(timeout=5) == "Stopped."
    assert time.monotonic() - start < 1.0
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


def test_nothing_leaves_localhost_and_pyodide_waits_for_run(
    browser: Browser, server: Server, site: Path, pages_of_examples: dict, proof
) -> None:
    """Every page is opened; no request goes anywhere but 127.0.0.1, and no Pyodide file is
    fetched until the first Run (the worker's requests are in the log too)."""
    proof("request log: only 127.0.0.1, no Pyodide before Run", "")
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
    assert not early, "Pyodide fetched before the first Run:\n" + "\n".join(early)
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
