"""What the browser tests share: the run's built site served on 127.0.0.1, Debian's Chromium driven
by Playwright, and a runnable block driven as a reader drives it. The fixtures are imported by
the tests/test_browser_*.py modules (one module per concern)."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.support.examples import all_examples

ROOT = Path(__file__).resolve().parents[2]
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
BROWSER_EXAMPLES = [e for e in all_examples() if e.browser]
PLAYGROUND = "browser_playground.py"
COLD_START = 90  # seconds allowed for the first Run: download, compile and start Pyodide

# One worker runs the browser tests one after another (tests/conftest.py orders the run).
BROWSER_MARKS = [pytest.mark.browser, pytest.mark.timeout(600)]


# ---------------------------------------------------------------------------------------------
# The built site, its server and the browser


@pytest.fixture(scope="module")
def site(built_site: dict) -> Path:
    """The run's one build (tests/conftest.py: built_site), shared with tests/test_site.py."""
    assert built_site["returncode"] == 0, built_site["log"]
    return built_site["dir"]


class Server(http.server.ThreadingHTTPServer):
    """Serves the built site and logs every response: (path, body bytes, time sent)."""

    def __init__(self, directory: Path) -> None:
        handler = functools.partial(LoggingHandler, directory=str(directory))
        super().__init__(("127.0.0.1", 0), handler)
        self.log: list[tuple[str, int, float]] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}"

    def sent_since(self, mark: int) -> int:
        return sum(size for _, size, _ in self.log[mark:])


# The types GitHub Pages sends too: module workers and wasm streaming need them.
SITE_TYPES = {
    **http.server.SimpleHTTPRequestHandler.extensions_map,
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
}
# What a real host (GitHub Pages) sends gzipped; everything else (images, fonts) goes as it is.
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map", ".wasm"}


@functools.cache
def transfer_size(path: Path) -> int:
    """The bytes a host sends for a file: gzipped (level 6) for text types, as it is otherwise."""
    data = path.read_bytes()
    return len(gzip.compress(data, 6)) if path.suffix in COMPRESSED else len(data)


class LoggingHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = SITE_TYPES

    def do_GET(self) -> None:
        if urlsplit(self.path).path == "/sitemap.xml":
            self.send_sitemap()
        else:
            super().do_GET()

    def send_sitemap(self) -> None:
        """The sitemap with this server's URLs, as `mkdocs serve` rewrites it: Material's instant
        navigation only takes over a link whose URL (port included) the sitemap lists."""
        text = (Path(self.directory) / "sitemap.xml").read_text()
        home = re.search(r"<loc>([^<]*)</loc>", text)[1]  # the first URL is the site's home
        body = text.replace(home, self.server.url + "/").encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.log.append(("/sitemap.xml", len(body), time.monotonic()))

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


@pytest.fixture(scope="session")
def playwright():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} not found: `make test` installs Debian's chromium"
    driver = sync_playwright().start()
    try:
        yield driver
    finally:
        driver.stop()


@pytest.fixture(scope="session")
def chromium(playwright) -> Iterator[Browser]:
    """One headless Chromium per worker for the whole run. Tests share it but never a context:
    each opens its own (`browser.new_context()`: its own empty cache and storage, as a fresh
    profile has), and `browser` closes them after the test. One worker runs the browser tests one
    after another (tests/conftest.py), and a timing test has the machine alone."""
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture
def browser(chromium: Browser) -> Iterator[Browser]:
    """The worker's Chromium; whatever contexts (and so pages, workers, Pyodides) the test
    opened are closed after it."""
    before = set(chromium.contexts)
    yield chromium
    for context in chromium.contexts:
        if context not in before:
            context.close()


@pytest.fixture(scope="module")
def reader(chromium: Browser, server: Server) -> Iterator:
    """A reader going from page to page in one browser profile (one context: its HTTP cache
    warm after the first page), running example after example: `reader(path)` is the page at
    `path`, loaded once and kept while the next example is on it too. Cold starts are measured
    apart (tests/test_browser_numbers.py)."""
    context = chromium.new_context()
    open_path: str | None = None
    page: Page | None = None

    def page_at(path: str) -> Page:
        nonlocal open_path, page
        if path != open_path:
            if page is not None:
                page.close()
            page = context.new_page()
            page.goto(server.url + path)
            page.wait_for_load_state("networkidle")
            open_path = path
        return page

    try:
        yield page_at
    finally:
        context.close()


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

    def open_editor(self):
        """Click the code as a reader does: the editor (CodeMirror) replaces it, focused."""
        editor = self.block.locator(".cm-content")
        (editor if editor.count() else self.code).click()
        editor.wait_for()
        self.page.wait_for_function(
            "editor => editor.contains(document.activeElement)", arg=editor.element_handle()
        )
        return editor

    def edit(self, source: str) -> None:
        """Replace the code as a reader would: click into it, select all, type (paste) anew."""
        self.open_editor()
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
