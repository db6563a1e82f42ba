"""The in-browser runner, proven in real Chromium (Debian's package, driven by Playwright).

The site is built once for this module and served on 127.0.0.1. Then:
- every example marked `browser` is run on its page with the Run button, and the output panel
  must match the script's `#>` lines, with the same matcher as tests/test_examples.py;
- Stop ends `while True: pass` within a second, a flood of a million lines leaves the page
  responsive, an exception shows its traceback, and the code can be edited in place;
- no request leaves 127.0.0.1, and no Pyodide file is fetched before the first Run;
- the answers docs/browser.md gives for browser_limits.py hold in CPython and in Chromium, and,
  under Node.js (no stack switching), `asyncio.run()` fails the way the runner's hint expects;
- test_runner_numbers measures Run→first output (cold and warm), bytes before and on the first
  Run, Stop's latency and the restart after it; the numbers appear in the summary of the run.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import run_lock
from tests.test_examples import EXAMPLES, Example, Line, compare

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # `make test` installs Debian's
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER_EXAMPLES = [e for e in map(Example.parse, EXAMPLES) if e.browser]
PLAYGROUND = "browser_playground.py"
COLD_START = 90  # seconds allowed for the first Run: download, compile and start Pyodide

# One xdist worker runs the whole module: one build, one server, one browser at a time.
pytestmark = [pytest.mark.xdist_group("browser"), pytest.mark.timeout(600)]


# ---------------------------------------------------------------------------------------------
# The built site, its server and the browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, lock_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("browser-site") / "site"
    with run_lock(lock_dir, exclusive=False):  # not while a timing test runs (see conftest)
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--site-dir",
                str(out),
            ],  # test_site.py: --strict
            check=False,
            cwd=ROOT,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


class Server(http.server.ThreadingHTTPServer):
    """Serves the built site and logs every response: (path, body bytes, time sent)."""

    def __init__(self, directory: Path) -> None:
        handler = functools.partial(LoggingHandler, directory=str(directory))
        super().__init__(("127.0.0.1", 0), handler)
        self.log: list[tuple[str, int, float]] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}"

    def sent_since(self, mark: int) -> int:
        return sum(size for _, size, _ in self.log[mark:])


class LoggingHandler(http.server.SimpleHTTPRequestHandler):
    # What GitHub Pages sends too: module workers and wasm streaming need the right types.
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def copyfile(self, source, outputfile) -> None:
        size = 0
        while chunk := source.read(1 << 16):
            outputfile.write(chunk)
            size += len(chunk)
        self.server.log.append((unquote(urlsplit(self.path).path), size, time.monotonic()))

    def log_message(self, *args) -> None:
        pass  # the log above is enough


@pytest.fixture(scope="module")
def server(site: Path):
    httpd = Server(site)
    thread = threading.Thread(target=httpd.serve_forever, name="site-server")
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        thread.join()
        httpd.server_close()


@pytest.fixture(scope="module")
def playwright():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} not found: `make test` installs Debian's chromium"
    driver = sync_playwright().start()
    try:
        yield driver
    finally:
        driver.stop()


@pytest.fixture
def browser(playwright) -> Browser:
    """A fresh Chromium per test (Playwright gives it a new, empty user-data-dir)."""
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield chromium
    finally:
        chromium.close()


def leaves_localhost(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in ("data", "blob") and parts.hostname != "127.0.0.1"


def url_path(site: Path, html: Path) -> str:
    """The URL path of a built page: site/browser/index.html -> /browser/."""
    folder = html.parent.relative_to(site).as_posix()
    return "/" if folder == "." else f"/{folder}/"


@pytest.fixture(scope="module")
def pages_of_examples(site: Path) -> dict[str, str]:
    """Which page holds each runnable block, from the built HTML: {example name: page URL path}."""
    return {
        name: url_path(site, html)
        for html in site.rglob("index.html")
        for name in re.findall(r'class="runnable[^"]*" data-example="([^"]+)"', html.read_text())
    }


# ---------------------------------------------------------------------------------------------
# Driving the runner as a reader does


def open_page(browser: Browser, url: str, requests: list[str] | None = None) -> Page:
    context = browser.new_context()  # its own, empty cache
    if requests is not None:
        context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


class Block:
    """One runnable example on a page: its code, its buttons and its output panel."""

    def __init__(self, page: Page, name: str) -> None:
        self.page = page
        self.block = page.locator(f'div.runnable[data-example="{name}"]')
        self.code = self.block.locator("pre > code")
        self.bar = self.block.locator("xpath=following-sibling::div[1]")
        self.output = self.block.locator("xpath=following-sibling::pre[1]")
        self.run_button = self.bar.locator("button.runner-run")
        self.stop_button = self.bar.locator("button.runner-stop")
        self.status = self.bar.locator(".runner-status")

    def edit(self, source: str) -> None:
        """Replace the code as a reader would: click into it, select all, type (paste) anew."""
        self.code.click()
        self.page.keyboard.press("ControlOrMeta+a")
        self.page.keyboard.insert_text(source)

    def wait_until_finished(self, timeout: float) -> str:
        self.page.wait_for_function(
            "button => !button.disabled",
            arg=self.run_button.element_handle(),
            timeout=timeout * 1000,
        )
        return self.status.inner_text()

    def run(self, timeout: float = COLD_START) -> list[str]:
        self.run_button.click()
        self.wait_until_finished(timeout)
        return self.lines()

    def lines(self) -> list[str]:
        text = self.output.evaluate("element => element.textContent")
        return [line.rstrip() for line in text.rstrip("\n").split("\n")] if text else []

    def ms_to_first_output(self, timeout: float = COLD_START) -> float:
        """Click Run and measure, inside the page, the time until the panel shows output."""
        return self.page.evaluate(
            """([button, output, timeout]) => new Promise((resolve, reject) => {
                const start = performance.now();
                const watch = new MutationObserver(() => {
                    if (output.textContent) {
                        watch.disconnect();
                        resolve(performance.now() - start);
                    }
                });
                watch.observe(output, { childList: true, subtree: true, characterData: true });
                setTimeout(() => reject(new Error("no output")), timeout);
                button.click();
            })""",
            [self.run_button.element_handle(), self.output.element_handle(), timeout * 1000],
        )


# ---------------------------------------------------------------------------------------------
# The proofs


def test_runnable_blocks_are_the_examples_marked_browser(pages_of_examples: dict, proof) -> None:
    """docs/hooks.py gives a Run button to exactly the examples whose options say `browser`."""
    proof("runnable blocks match the `browser` token", "")
    assert BROWSER_EXAMPLES, "no example is marked `browser`"
    assert set(pages_of_examples) == {e.path.name for e in BROWSER_EXAMPLES}


@pytest.mark.parametrize(
    "example",
    [
        pytest.param(e, id=e.path.stem, marks=[pytest.mark.exclusive] if e.timing else [])
        for e in BROWSER_EXAMPLES
    ],
)
def test_browser_example(
    example: Example, browser: Browser, server: Server, pages_of_examples: dict, proof
) -> None:
    proof("browser example run in Chromium", example.path.name)
    page = open_page(browser, server.url + pages_of_examples[example.path.name])
    block = Block(page, example.path.name)
    actual = block.run(timeout=COLD_START + example.timeout)
    status = block.status.inner_text()
    assert status.startswith("Finished"), f"{status}\n" + "\n".join(actual)
    problems = compare(example.expected, actual)
    assert not problems, (
        f"{example.path.name} in Chromium:\n"
        + "\n".join(problems)
        + "\n--- output panel ---\n"
        + "\n".join(actual)
    )


# What examples/browser_limits.py prints on each side, as docs/browser.md states it.
LIMITS = {
    "CPython": [
        f"running on: {sys.platform}",
        "threads: yes",
        "processes (multiprocessing's pools, queues): yes",
        "subinterpreters (concurrent.interpreters, 3.14+): {...}",  # yes from 3.14 on
        "listening sockets (a server such as workloads.latency_server): yes",
        "asyncio tasks: 3 finished",
        "run_in_executor: 3 calls of time.sleep(0.2) took {float<0.55} s in all",
        "during time.sleep(0.3) in a coroutine, another task ran 0 times",
    ],
    "Pyodide in Chromium": [
        "running on: emscripten",
        "threads: no (can't start new thread)",
        "processes (multiprocessing's pools, queues): no (No module named '_multiprocessing')",
        "subinterpreters (concurrent.interpreters, 3.14+): no (No module named '_interpreters')",
        "listening sockets (a server such as workloads.latency_server): no ([Errno 138] Not supported)",
        "asyncio tasks: 3 finished",
        "run_in_executor: 3 calls of time.sleep(0.2) took {float>=0.6} s in all",
        "during time.sleep(0.3) in a coroutine, another task ran {int>=5} times",
    ],
}


def test_browser_limits_are_what_the_page_says(
    browser: Browser, server: Server, pages_of_examples: dict, proof
) -> None:
    """browser_limits.py's `#>` lines say `{...}` where the answers differ; here each side's
    answers, as docs/browser.md gives them, are checked: CPython (this tool environment's) and
    Pyodide in Chromium."""
    proof("browser_limits.py answers checked in CPython and in Chromium", "")
    cpython = subprocess.run(
        [sys.executable, "browser_limits.py"],
        cwd=ROOT / "examples",
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.splitlines()
    page = open_page(browser, server.url + pages_of_examples["browser_limits.py"])
    actual = {"CPython": cpython, "Pyodide in Chromium": Block(page, "browser_limits.py").run()}
    for where, lines in LIMITS.items():
        problems = compare([Line(line, unordered=False) for line in lines], actual[where])
        assert not problems, f"{where}:\n" + "\n".join(problems)


# Typed into the playground: facts docs/browser.md states about Pyodide.
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


@pytest.mark.exclusive
def test_runner_numbers(browser: Browser, server: Server, pages_of_examples: dict, proof) -> None:
    """Cold and warm Run→first output, bytes sent before and on the first Run, Stop's latency and
    the first output of the Run after a Stop (medians of 5), measured in the page; they are
    printed in the summary of the test run."""
    url = server.url + pages_of_examples[PLAYGROUND]
    cold, before, first_run = [], [], []
    for _ in range(5):
        mark = len(server.log)
        page = open_page(browser, url)  # a new context: nothing cached
        block = Block(page, PLAYGROUND)
        before.append(server.sent_since(mark))
        block.edit('print("hello")\n')
        mark = len(server.log)
        cold.append(block.ms_to_first_output())
        block.wait_until_finished(COLD_START)
        first_run.append(server.sent_since(mark))
        page.context.close()
    page = open_page(browser, url)
    block = Block(page, PLAYGROUND)
    block.edit('print("hello")\n')
    block.run()
    warm = []
    for _ in range(5):
        warm.append(block.ms_to_first_output(timeout=10))
        block.wait_until_finished(10)
    stops, restarts = [], []
    for _ in range(5):
        block.edit("while True:\n    pass\n")
        block.run_button.click()
        page.wait_for_function(
            "s => s.textContent === 'Running…'",
            arg=block.status.element_handle(),
            timeout=COLD_START * 1000,
        )
        stops.append(
            page.evaluate(
                """([stop, run]) => new Promise((resolve) => {
                    const start = performance.now();
                    stop.click();
                    const check = () => run.disabled ? setTimeout(check, 1)
                                                     : resolve(performance.now() - start);
                    check();
                })""",
                [block.stop_button.element_handle(), block.run_button.element_handle()],
            )
        )
        block.edit('print("hello")\n')
        restarts.append(block.ms_to_first_output())  # a fresh worker: Pyodide from the cache
        block.wait_until_finished(COLD_START)
    numbers = (
        f"cold {statistics.median(cold) / 1000:.2f} s, warm {statistics.median(warm):.0f} ms; "
        f"{statistics.median(before) / 1e6:.2f} MB before the first Run, "
        f"{statistics.median(first_run) / 1e6:.2f} MB on it; Stop {statistics.median(stops):.1f} ms, "
        f"next Run's first output {statistics.median(restarts) / 1000:.2f} s after Stop"
    )
    print(f"\nrunner numbers (medians of 5): {numbers}")
    proof("runner numbers (medians of 5)", numbers)
    assert statistics.median(cold) < COLD_START * 1000
    assert statistics.median(warm) < 2000
    assert max(stops) < 1000
