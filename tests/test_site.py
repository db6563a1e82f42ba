"""The built site: a strict build with notebooks executed, links that resolve, nothing from other hosts."""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.support.examples import PLACEHOLDER, all_examples, included_examples, load_records

ROOT = Path(__file__).resolve().parent.parent
SITE_PATH = urlsplit(
    re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)
).path  # absolute links (as in 404.html) start with it
NOTEBOOKS = sorted((ROOT / "docs").rglob("*.nb.py"))
pytestmark = pytest.mark.site
# Tags whose attribute makes the browser fetch something while showing the page.
FETCHING = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("link", "href"),  # stylesheets, icons, preloads (only rel=canonical/alternate are links)
}
# A URL in an inline script that loads code, styles or fonts (e.g. a loader that injects a CDN tag).
INLINE_FETCH = re.compile(r"""https?://[^\s"'`)]+?\.(?:m?js|css|woff2?|ttf)\b""")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.fetches: list[str] = []
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.fetches.extend(INLINE_FETCH.findall(data))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if tag == "script":
            self._in_script = not attrs.get("src")
            for value in attrs.values():  # e.g. a loader's configuration in a data- attribute
                self.fetches.extend(INLINE_FETCH.findall(value or ""))
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "link" and attrs.get("rel") in ("canonical", "alternate", "edit"):
            return
        for name, value in attrs.items():
            if (tag, name) in FETCHING and value:
                self.fetches.extend(part.split()[0] for part in value.split(","))
            if name == "style" and value:
                self.fetches.extend(a or b for a, b in CSS_URL.findall(value))


@pytest.fixture(scope="module")
def site(built_site: dict) -> dict:
    """The run's one build (tests/conftest.py: built_site), shared with the browser tests."""
    return built_site


@pytest.fixture(scope="module")
def pages(site: dict) -> dict[Path, Page]:
    assert site["returncode"] == 0, site["log"]
    parsed = {}
    for html in site["dir"].rglob("*.html"):
        page = Page()
        page.feed(html.read_text(encoding="utf-8"))
        parsed[html] = page
    return parsed


def test_strict_build(site: dict, proof, record_property) -> None:
    proof("mkdocs build --strict", f"{site['seconds']:.1f} s")
    assert site["returncode"] == 0, site["log"]


def test_notebooks_executed_at_build(site: dict, pages: dict, proof) -> None:
    assert NOTEBOOKS, "the site has no notebook"
    for notebook in NOTEBOOKS:
        proof("notebook executed at build and rendered", notebook.name)
        assert f"Converting notebook (execute=True): {notebook}" in site["log"]
        html = site["dir"] / notebook.relative_to(ROOT / "docs").with_suffix("") / "index.html"
        text = html.read_text(encoding="utf-8")
        assert "jp-OutputArea-output" in text, f"{html} shows no cell output"


def test_internal_links_and_anchors_resolve(site: dict, pages: dict, proof) -> None:
    root = site["dir"]
    broken = []
    for html, page in pages.items():
        base = "/" + html.relative_to(root).as_posix()
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target_path = unquote(urlsplit(urljoin(base, href)).path)
            if href.startswith(SITE_PATH):
                target_path = "/" + target_path.removeprefix(SITE_PATH)
            target = root / target_path.lstrip("/")
            if target.is_dir() or target_path.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{html.relative_to(root)}: {href} (no such file)")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and unquote(parts.fragment) not in pages[target].ids
            ):
                broken.append(f"{html.relative_to(root)}: {href} (no such anchor)")
    proof("site pages with links and anchors checked", "")
    assert not broken, "\n".join(broken)


def is_remote(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data", "blob")


def test_nothing_is_fetched_from_another_host(site: dict, pages: dict) -> None:
    remote = [
        f"{html.relative_to(site['dir'])}: {url}"
        for html, page in pages.items()
        for url in page.fetches
        if is_remote(url)
    ]
    for css in site["dir"].rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for a, b in CSS_URL.findall(text):
            if is_remote(a or b):
                remote.append(f"{css.relative_to(site['dir'])}: {a or b}")
    assert not remote, "\n".join(remote)


def test_every_example_is_shown_on_a_page() -> None:
    """An example that no page includes is code nobody reads; a page must include each one."""
    included = set()
    for md in (ROOT / "docs").rglob("*.md"):
        included.update(included_examples(md.read_text(encoding="utf-8")))
    examples = {e.name for e in all_examples()}
    assert not examples - included, f"examples no page includes: {sorted(examples - included)}"


# What the example contract reads and readers never see. (Docs snippets may show a literal,
# checked `#> output` comment after a print: pytest-examples' convention, real output.)
PATTERN_SYNTAX = re.compile(PLACEHOLDER.pattern + r"|# example:", re.M)
SPEC_LINES = re.compile(PLACEHOLDER.pattern + r"|^#[>?]|# example:", re.M)


def test_readers_see_recorded_runs_not_test_syntax(site: dict, pages: dict, proof) -> None:
    """No placeholder, `#>` line or options line in any page or download; every included
    example shows its recorded run with the CPython version and date, and where it is tested."""
    proof("pages show recorded runs, no test syntax", "")
    leaks = []
    for html in site["dir"].rglob("*.html"):
        for block in re.findall(r"<code>(.*?)</code>", html.read_text(encoding="utf-8"), re.S):
            text = html_lib.unescape(re.sub(r"<[^>]+>", "", block))
            leaks += [
                f"{html.relative_to(site['dir'])}: {m[0]!r}" for m in PATTERN_SYNTAX.finditer(text)
            ]
    for example in all_examples():  # the downloads are exactly what tests/test_examples.py runs
        download = site["dir"] / "examples" / example.name
        assert download.read_text(encoding="utf-8") == example.bundle()[example.name], download
        leaks += [f"{download.name}: {m[0]!r}" for m in SPEC_LINES.finditer(download.read_text())]
    assert not leaks, "\n".join(leaks[:50])
    records = load_records()
    examples = {e.name: e for e in all_examples()}
    for md in (ROOT / "docs").rglob("*.md"):
        html_path = site["dir"] / md.relative_to(ROOT / "docs").with_suffix("") / "index.html"
        if md.name == "index.md":
            html_path = site["dir"] / md.relative_to(ROOT / "docs").parent / "index.html"
        html = html_path.read_text(encoding="utf-8")
        for name in included_examples(md.read_text(encoding="utf-8")):
            if name not in records and examples[name].tested_by:
                continue  # the benchmark harness: its results are the Benchmarks page
            record = records[name]
            title = f"Output of a real run · CPython {record['python']}"
            assert title in html, f"{html_path}: no recorded run shown for {name}"
            assert (
                f'download href="../examples/{name}"' in html
                or f'download href="examples/{name}"' in html
            ), name
        assert "No recorded run yet" not in html, html_path
