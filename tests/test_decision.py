"""The decision guide on the Choosing page: the ```decision fence of docs/choosing.md, rendered by
docs/hooks.py (section 6) into nested HTML lists that docs/assets/decision.css draws as a flowchart.
No script draws it; the lists are the text alternative; at 390 px in both colour schemes its text
is at least 12 px, nothing runs off the screen and every text has a contrast of at least 4.5:1."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from tests.support.browser import (
    Server,
    transfer_size,
)

ROOT = Path(__file__).resolve().parent.parent
CHOOSING = ROOT / "docs" / "choosing.md"
FENCE = re.compile(r"^```decision[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
PHONE = {"width": 390, "height": 844}
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme


# ---------------------------------------------------------------------------------------------
# The source, read here without the hook's code: (depth, kind, Markdown text) in reading order


def source_nodes() -> list[tuple[int, str, str]]:
    fences = FENCE.findall(CHOOSING.read_text())
    assert len(fences) == 1, "docs/choosing.md should hold one ```decision fence"
    nodes, indents = [], []
    for line in fences[0].splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        while indents and indents[-1] > indent:
            indents.pop()
        if not indents or indents[-1] < indent:
            indents.append(indent)
        depth, text = len(indents) - 1, line.strip()
        if text.startswith("- "):
            answer, _, outcome = text[2:].partition(" → ")
            nodes.append((depth, "answer", answer.strip()))
            if outcome:
                nodes.append((depth, "outcome", outcome.strip()))
        else:
            nodes.append((depth, "question", text))
    return nodes


def as_pattern(markdown: str) -> re.Pattern:
    """The words a reader sees for a line of the source: link texts, code without backticks, a
    benchmark figure (e.g. 44.3×) for each [[bench:...]]."""
    parts = re.split(r"(\[\[bench:[^\]]+\]\])", markdown)
    pattern = ""
    for part in parts:
        if part.startswith("[[bench:"):
            pattern += r"\d[\d.,]*\s?(?:×|µs|ms|s)"
        else:
            words = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", part).replace("`", "")
            pattern += re.escape(words)
    return re.compile(pattern + r"\Z")


class DecisionHTML(HTMLParser):
    """The decision guide as built: its nodes (depth, kind, text without the screen-reader words),
    the screen-reader words, and every tag inside it. The depth of a question is the number of
    answers it follows (list items it is in); an answer and its outcome are one item deeper."""

    KINDS = {"decision-question": "question", "decision-answer": "answer"}
    KINDS["decision-outcome"] = "outcome"

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # open <li> elements
        self.found = 0
        self.nodes: list[tuple[int, str, str]] = []
        self.sr_words: list[str] = []
        self.tags: set[str] = set()
        self._inside = 0  # open elements inside the guide
        self._node: list | None = None
        self._sr = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if not self._inside:
            if tag == "div" and "decision" in classes:
                self.found += 1
                self._inside = 1
            return
        self.tags.add(tag)
        self._inside += 1
        if tag == "li":
            self.depth += 1
        kind = next((self.KINDS[c] for c in classes if c in self.KINDS), None)
        if kind:
            depth = self.depth if kind == "question" else self.depth - 1
            self._node = [depth, kind, "", self._inside]
        if "decision-sr" in classes:
            self._sr = self._inside
            self.sr_words.append("")

    def handle_endtag(self, tag: str) -> None:
        if not self._inside:
            return
        if self._sr == self._inside:
            self._sr = 0
        if self._node and self._node[3] == self._inside:
            depth, kind, text, _ = self._node
            self.nodes.append((depth, kind, " ".join(text.split())))
            self._node = None
        if tag == "li":
            self.depth -= 1
        self._inside -= 1

    def handle_data(self, data: str) -> None:
        if self._sr:
            self.sr_words[-1] += data
        elif self._node:
            self._node[2] += data


def built_page(root: Path, path: str) -> str:
    return (root / path / "index.html").read_text()


def scripts(html: str) -> list[str]:
    return re.findall(r"<script\b[^>]*\bsrc=\"([^\"]+)\"", html)


# ---------------------------------------------------------------------------------------------
# The built page


@pytest.mark.site
@pytest.mark.timeout(600)
def test_decision_is_html_lists_with_every_answer(site: Path, proof) -> None:
    """The built Choosing page holds the decision as nested lists: the same questions, answers and
    outcomes as the source, in the same order and at the same depth, with figures in place of
    every [[bench:...]]; screen readers read "If <answer>" and "choose <outcome>"."""
    page = DecisionHTML()
    page.feed(built_page(site, "choosing"))
    assert page.found == 1, "the Choosing page should hold one div.decision"
    expected = source_nodes()
    assert [(d, k) for d, k, _ in page.nodes] == [(d, k) for d, k, _ in expected]
    for (_, kind, text), (_, _, markdown) in zip(page.nodes, expected, strict=True):
        assert as_pattern(markdown).match(text), f"{kind} {text!r} is not {markdown!r}"
    answers = sum(kind == "answer" for _, kind, _ in expected)
    outcomes = sum(kind == "outcome" for _, kind, _ in expected)
    assert page.sr_words.count("If ") == answers
    assert page.sr_words.count("choose ") == outcomes
    assert answers >= 8 and outcomes >= 7  # the guide as written, not an empty fence
    assert {"ul", "li", "p", "a"} <= page.tags
    assert not page.tags & {"script", "svg", "canvas", "img", "iframe", "pre"}
    proof("decision guide: the source's answers as HTML lists", f"{answers} answers")


@pytest.mark.site
@pytest.mark.timeout(600)
def test_decision_loads_no_script(site: Path, proof) -> None:
    """The Choosing page loads the scripts every page loads and no other: no diagram library."""
    choosing = built_page(site, "choosing")
    assert scripts(choosing) == scripts(built_page(site, "pitfalls"))
    assert not re.search(r"mermaid|class=\"flowchart", choosing, re.I)
    assert "[[bench:" not in choosing
    assert not (site / "assets" / "vendor").exists()
    proof("decision guide: no script loaded for it", "")


# ---------------------------------------------------------------------------------------------
# In Chromium, at 390 px, in both colour schemes

# Every element of the guide that shows text: its font size, colours, box, and the backgrounds of
# it and its ancestors (innermost first), so that the test composes what the reader sees.
MEASURE = """() => {
  const decision = document.querySelector("div.decision");
  const out = [];
  for (const element of [decision, ...decision.querySelectorAll("*")]) {
    if (element.closest(".decision-sr")) continue;
    const text = [...element.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim())
      .map((n) => n.textContent.trim()).join(" ");
    const box = element.getBoundingClientRect();
    const scrolls = [];
    for (let e = element.parentElement; e; e = e.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(e).overflowX)) scrolls.push(e.tagName);
    }
    const backgrounds = [];
    for (let e = element; e; e = e.parentElement) {
      backgrounds.push(getComputedStyle(e).backgroundColor);
    }
    const style = getComputedStyle(element);
    out.push({
      tag: element.tagName, text, size: parseFloat(style.fontSize), color: style.color,
      backgrounds, left: box.left, right: box.right, width: box.width, scrolls,
    });
  }
  return {
    elements: out,
    scheme: document.body.getAttribute("data-md-color-scheme"),
    viewport: document.documentElement.clientWidth,
    pageWidth: document.scrollingElement.scrollWidth,
  };
}"""


def rgba(css: str) -> tuple[float, float, float, float]:
    m = re.fullmatch(r"rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? /? ?([\d.]+))?\)", css)
    assert m, f"unexpected colour {css!r}"
    r, g, b, a = m.groups()
    return float(r), float(g), float(b), 1.0 if a is None else float(a)


def over(top: tuple, bottom: tuple) -> tuple:
    """`top` (r, g, b, alpha) painted over an opaque `bottom`."""
    a = top[3]
    return tuple(top[i] * a + bottom[i] * (1 - a) for i in range(3)) + (1.0,)


def seen_background(backgrounds: list[str]) -> tuple:
    layers = [rgba(b) for b in backgrounds]
    opaque = next((i for i, layer in enumerate(layers) if layer[3] == 1), None)
    assert opaque is not None, "no opaque background behind the decision guide"
    colour = layers[opaque]
    for layer in reversed(layers[:opaque]):
        colour = over(layer, colour)
    return colour


def luminance(colour: tuple) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(text: tuple, background: tuple) -> float:
    lighter, darker = sorted((luminance(over(text, background)), luminance(background)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.browser
@pytest.mark.timeout(600)
def test_decision_on_a_phone(browser: Browser, server: Server, scheme: str, proof) -> None:
    """At 390 px: the scheme follows the reader's preference, every text of the guide is 12 px or
    more with a contrast of 4.5:1 or more, and nothing is wider than the screen."""
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(server.url + "/choosing/")
        page.wait_for_load_state("networkidle")
        seen = page.evaluate(MEASURE)
        spoken = page.locator("div.decision").aria_snapshot()
    finally:
        context.close()
    assert seen["scheme"] == SCHEMES[scheme]
    # What a screen reader is given: a named group of nested lists that say the decision in words.
    kinds = [kind for _, kind, _ in source_nodes()]
    assert spoken.startswith('- group "Decision guide"'), spoken[:200]
    assert spoken.count("- list:") == kinds.count("question")
    assert len(re.findall(r'- paragraph: "?If ', spoken)) == kinds.count("answer"), spoken
    assert spoken.count("- text: choose") == kinds.count("outcome"), spoken
    texts = [e for e in seen["elements"] if e["text"] and e["width"] > 0]
    assert len(texts) >= 20  # questions, answers, outcomes, links
    small = [(e["text"], e["size"]) for e in texts if e["size"] < 12]
    assert not small, f"text under 12 px: {small}"
    ratios = {
        (e["tag"], e["text"]): contrast(rgba(e["color"]), seen_background(e["backgrounds"]))
        for e in texts
    }
    low = {text: round(ratio, 2) for text, ratio in ratios.items() if ratio < 4.5}
    assert not low, f"contrast under 4.5:1 ({scheme}): {low}"
    assert seen["pageWidth"] <= seen["viewport"], "the page scrolls sideways at 390 px"
    outside = [
        (e["tag"], e["text"])
        for e in seen["elements"]
        if not e["scrolls"] and (e["left"] < 0 or e["right"] > seen["viewport"] + 0.5)
    ]
    assert not outside, f"wider than the screen at 390 px: {outside}"
    smallest = min(e["size"] for e in texts)
    proof(
        "decision guide at 390 px",
        f"{scheme}: smallest text {smallest:g} px, lowest contrast {min(ratios.values()):.2f}:1",
    )


@pytest.mark.browser
@pytest.mark.timeout(600)
def test_choosing_page_weight(browser: Browser, server: Server, site: Path, proof) -> None:
    """What a first visit to the Choosing page transfers, gzipped as a host serves it, against the
    home page: the guide costs its HTML and a small stylesheet, not a diagram library."""
    weights = {}
    for path in ("/", "/choosing/"):
        requests: list[str] = []
        context = browser.new_context(viewport=PHONE)
        try:
            context.on("request", lambda request, seen=requests: seen.append(request.url))
            page = context.new_page()
            page.goto(server.url + path)
            page.wait_for_load_state("networkidle")
        finally:
            context.close()
        files = {site / urlsplit(url).path.lstrip("/") for url in requests}
        files = {f / "index.html" if f.is_dir() else f for f in files}
        assert all(f.is_file() for f in files), [f for f in files if not f.is_file()]
        assert not any("mermaid" in f.name for f in files)
        weights[path] = sum(transfer_size(f) for f in files)
    extra = weights["/choosing/"] - weights["/"]
    assert extra < 30_000, f"the Choosing page transfers {extra / 1000:.0f} KB more than home"
    proof(
        "Choosing page weight (gzip)",
        f"{weights['/choosing/'] / 1000:.0f} KB, home {weights['/'] / 1000:.0f} KB",
    )
