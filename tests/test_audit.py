"""A reader's audit of every built page in Debian's Chromium (issue 15): page weight before any
interaction (gzipped, as a real host serves it), axe-core serious/critical violations in both
colour schemes at 390 px (and at 1280 px for DESKTOP_TOO), no horizontal overflow on a phone, and a 404 page that keeps
its styles under GitHub Pages' project path and at the root of a custom domain alike.

One browser, the pages in sequence, no sleeps. `python -m tests.test_audit SITE_DIR` prints the
same figures for any built site (e.g. to compare a build before and after a change)."""

from __future__ import annotations

import functools
import http.server
import io
import json
import statistics
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.support.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    SITE_TYPES,
    transfer_size,
)

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules/axe-core/axe.min.js"
BUDGET = 125_000  # bytes gzipped before interaction: a bare Material page (~73 KB) + 50 KB
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SCHEMES = ("default", "slate")
# Audited at 1280 px too (every page is audited at 390 px): the home page, the asyncio entry page, the
# decision guide and the heaviest notebook.
DESKTOP_TOO = {"/", "/asyncio/", "/choosing/", "/benchmarks.nb/"}
SUB_PATH = "/python-multitasking/"  # GitHub Pages' project path (site_url's path)
COLOUR_RULES = ["color-contrast", "link-in-text-block"]  # the axe rules a colour scheme affects
# Elements of the in-browser runner (docs/assets/runner/): their violations are counted apart in
# the message (and still fail the test), so that whoever reads a failure knows where to look.
RUNNER = ".runnable, .runnable + div, .runnable + div + pre, [class*='runner']"

pytestmark = [
    pytest.mark.site,
    pytest.mark.browser,
    pytest.mark.timeout(300),
]


# ---------------------------------------------------------------------------------------------
# A host like GitHub Pages: the site under a path prefix, 404.html for whatever is missing


class Host(http.server.ThreadingHTTPServer):
    """Serves `site` under `prefix` on 127.0.0.1 and logs the path of every file it sends."""

    def __init__(self, site: Path, prefix: str = "/") -> None:
        handler = functools.partial(HostHandler, directory=str(site))
        super().__init__(("127.0.0.1", 0), handler)
        self.site = site
        self.prefix = prefix
        self.sent: list[Path] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}{prefix}"

    def __enter__(self) -> Host:
        self.thread = threading.Thread(target=self.serve_forever, name="audit-host", daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.thread.join(timeout=10)
        self.server_close()


class HostHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = SITE_TYPES

    def translate_path(self, path: str) -> str:
        path = unquote(urlsplit(path).path)
        prefix = self.server.prefix
        if not path.startswith(prefix):
            return str(self.server.site / "no such file")
        return super().translate_path("/" + path.removeprefix(prefix))

    def send_head(self):
        target = Path(self.translate_path(self.path))
        if target.is_dir() and not urlsplit(self.path).path.endswith("/"):
            return super().send_head()  # the redirect to the folder's URL
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():  # what GitHub Pages does: the site's 404.html, status 404
            body = (self.server.site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.server.sent.append(self.server.site / "404.html")
            return io.BytesIO(body)
        self.server.sent.append(target)
        return super().send_head()

    def log_message(self, *args) -> None:
        pass


# ---------------------------------------------------------------------------------------------
# One page, as a reader meets it


@dataclass
class PageAudit:
    path: str
    weight: int = 0
    files: dict[str, int] = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)  # "scheme width: rule (impact) target"
    overflow: list[str] = field(default_factory=list)


OVERFLOW_JS = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    if (document.documentElement.scrollWidth > width + 1)
        wide.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px > ${width} px`);
    for (const el of document.querySelectorAll(".md-content *")) {
        const box = el.getBoundingClientRect();
        if (!box.width || box.right <= width + 1) continue;
        // inside a container that scrolls sideways (code, tables) is fine; clipped is not
        let scroller = el.parentElement, contained = false;
        while (scroller && scroller !== document.body) {
            const style = getComputedStyle(scroller);
            if (/(auto|scroll)/.test(style.overflowX) &&
                scroller.getBoundingClientRect().right <= width + 1) { contained = true; break; }
            scroller = scroller.parentElement;
        }
        if (!contained) wide.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(box.right)} px`);
        if (wide.length > 5) break;
    }
    return wide;
}"""

AXE_JS = """async (options) => {
    const result = await axe.run(document, options);
    return result.violations.filter(v => ["serious", "critical"].includes(v.impact)).map(v => ({
        id: v.id, impact: v.impact, count: v.nodes.length,
        runner: v.nodes.filter(n => n.element && n.element.closest(RUNNER)).length,
        targets: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " : " + n.failureSummary.split("\\n").slice(1, 2).join("")),
    }));
}"""


NO_TRANSITIONS = (
    "*, *::before, *::after { transition: none !important; animation: none !important }"
)


def set_scheme(page, scheme: str) -> None:
    page.evaluate(
        "scheme => { document.body.setAttribute('data-md-color-scheme', scheme); }", scheme
    )


def audit_page(browser, host: Host, path: str, widths=(PHONE,)) -> PageAudit:
    result = PageAudit(path)
    context = browser.new_context(viewport=widths[0])  # its own, empty cache
    try:
        page = context.new_page()
        mark = len(host.sent)
        page.goto(host.url + path.lstrip("/"), wait_until="load")
        page.wait_for_load_state("networkidle")
        for file in host.sent[mark:]:
            name = file.relative_to(host.site).as_posix()
            result.files[name] = result.files.get(name, 0) + transfer_size(file)
        result.weight = sum(result.files.values())
        page.add_script_tag(content=AXE.read_text())  # after the weighing: not the reader's bytes
        page.add_style_tag(content=NO_TRANSITIONS)  # a scheme switch is then complete at once
        for viewport in widths:
            page.set_viewport_size(viewport)
            for scheme in SCHEMES:
                set_scheme(page, scheme)
                # The second scheme changes colours only: its run checks the colour rules.
                options = {"resultTypes": ["violations"], "elementRef": True}
                if scheme != SCHEMES[0]:
                    options["runOnly"] = COLOUR_RULES
                js = AXE_JS.replace("RUNNER", json.dumps(RUNNER))
                for v in page.evaluate(js, options):
                    result.violations.append(
                        f"{scheme} {viewport['width']}px: {v['id']} ({v['impact']}, {v['count']}"
                        f" nodes, {v['runner']} of them the runner's): {' | '.join(v['targets'])}"
                    )
            if viewport["width"] <= 400:
                result.overflow = page.evaluate(OVERFLOW_JS)
    finally:
        context.close()
    return result


def site_pages(site: Path) -> list[str]:
    return sorted(
        "/" if html.parent == site else f"/{html.parent.relative_to(site).as_posix()}/"
        for html in site.rglob("index.html")
        if not html.relative_to(site).as_posix().startswith(("examples/", "pyodide/", "assets/"))
    )


def summary(audits: list[PageAudit]) -> str:
    weights = sorted(a.weight for a in audits)
    heaviest = max(audits, key=lambda a: a.weight)
    return (
        f"{len(audits)} pages, gzipped before interaction: min {weights[0] / 1000:.1f} KB, "
        f"median {statistics.median(weights) / 1000:.1f} KB, max {weights[-1] / 1000:.1f} KB "
        f"({heaviest.path})"
    )


# ---------------------------------------------------------------------------------------------
# The tests


@pytest.fixture(scope="module")
def audits(site: Path, chromium) -> list[PageAudit]:
    """Every page audited once, each in a context of its own (an empty cache)."""
    with Host(site, SUB_PATH) as host:
        return [
            audit_page(chromium, host, path, (PHONE, DESKTOP) if path in DESKTOP_TOO else (PHONE,))
            for path in site_pages(site)
        ]


def print_weights(audits: list[PageAudit], capsys) -> None:
    with capsys.disabled():
        print(f"\npage weight: {summary(audits)}")
        for a in audits:
            print(f"  {a.weight / 1000:6.1f} KB  {a.path}")


def test_page_weight_within_budget(audits: list[PageAudit], proof, capsys) -> None:
    assert len(audits) >= 20, [a.path for a in audits]
    print_weights(audits, capsys)
    pages = [a for a in audits if not a.path.endswith(".nb/")]
    proof("page weight <= 125 KB gzipped before interaction", summary(pages))
    over = {a.path: a.files for a in pages if a.weight > BUDGET}
    assert not over, f"pages over {BUDGET} bytes gzipped: {json.dumps(over, indent=1)}"
    assert all("search/search_index.json" not in a.files for a in audits)


def test_notebook_page_weight_within_budget(audits: list[PageAudit], proof) -> None:
    notebooks = [a for a in audits if a.path.endswith(".nb/")]
    assert notebooks
    proof("notebook page weight <= 125 KB gzipped", summary(notebooks))
    over = {a.path: a.weight for a in notebooks if a.weight > BUDGET}
    assert not over, f"notebook pages over {BUDGET} bytes gzipped: {over}"


def test_axe_no_serious_or_critical(audits: list[PageAudit], proof) -> None:
    proof(
        "axe-core: 0 serious/critical, both schemes",
        f"{len(audits)} pages at 390 px, {len(DESKTOP_TOO)} also at 1280 px",
    )
    assert {a.path for a in audits} >= DESKTOP_TOO
    found = {a.path: a.violations for a in audits if a.violations}
    assert not found, json.dumps(found, indent=1)


def test_no_horizontal_overflow_on_a_phone(audits: list[PageAudit], proof) -> None:
    proof("no horizontal overflow at 390 px", f"{len(audits)} pages")
    found = {a.path: a.overflow for a in audits if a.overflow}
    assert not found, json.dumps(found, indent=1)


def test_search_loads_when_opened(site: Path, browser, proof) -> None:
    """The index and the search worker wait until the reader opens search; then search works."""
    proof("search index fetched only when search opens, and finds pages")
    with Host(site, SUB_PATH) as host:
        context = browser.new_context(viewport=DESKTOP)
        try:
            page = context.new_page()
            page.goto(host.url, wait_until="load")
            page.wait_for_load_state("networkidle")
            fetched = {file.name for file in host.sent}
            assert "search_index.json" not in fetched
            assert not any(name.startswith("search.") for name in fetched), fetched
            page.keyboard.press("/")  # Material's shortcut: opens search, focuses the field
            page.keyboard.type("event loop")
            first = page.locator(".md-search-result__item").first
            first.wait_for(state="visible", timeout=30_000)
            assert "search_index.json" in {file.name for file in host.sent}
            assert page.locator(".md-search-result__item").count() >= 3
            page.keyboard.press("Escape")
        finally:
            context.close()


STYLED_JS = """() => ({
    sheets: [...document.styleSheets].filter(s => { try { return s.cssRules.length > 0 } catch { return false } }).length,
    header: getComputedStyle(document.querySelector(".md-header")).position,
    logo: document.querySelector(".md-header__button.md-logo")?.href,
})"""


@pytest.mark.parametrize("prefix", [SUB_PATH, "/"], ids=["project-path", "custom-domain"])
def test_404_page_styled(site: Path, browser, prefix: str, proof) -> None:
    proof("404 page styled", f"served under {prefix}")
    with Host(site, prefix) as host:
        context = browser.new_context(viewport=PHONE)
        try:
            page = context.new_page()
            for missing in ("no-such-page", "deeply/nested/no-such-page/"):
                response = page.goto(host.url + missing, wait_until="load")
                assert response.status == 404
                styled = page.evaluate(STYLED_JS)
                assert styled["sheets"] >= 3, (missing, styled)
                assert styled["header"] == "sticky", (missing, styled)  # Material's CSS applies
                assert styled["logo"] == host.url, (missing, styled)  # links go to the home page
        finally:
            context.close()


if __name__ == "__main__":  # python -m tests.test_audit SITE_DIR [PATH...]
    built = Path(sys.argv[1])
    with sync_playwright() as driver, Host(built, SUB_PATH) as server:
        chrome = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results = []
        for p in sys.argv[2:] or site_pages(built):
            results.append(audit_page(chrome, server, p))
            r = results[-1]
            heavy = sorted(r.files.items(), key=lambda kv: -kv[1])[:4]
            print(f"{r.weight / 1000:6.1f} KB {p}  {heavy}")
            for v in r.violations:
                print("    axe", v[:400])
            for o in r.overflow:
                print("    overflow", o)
        chrome.close()
        print(summary(results))
