"""Examples in the browser: every example marked `browser` runs on its page with its Run button
and its output panel matches the example's expected output (the contract's matcher, as in
CPython; `# Output in the browser` lines where the example states the browser's answers apart,
as browser_limits.py does). The examples that use workloads.py's stand-in server say so beside
their Run button, and docs/browser.md's list of examples is the contract's."""

from __future__ import annotations

import re

import pytest

from tests.support.browser import (
    BROWSER_EXAMPLES,
    BROWSER_MARKS,
    COLD_START,
    ROOT,
    Block,
)
from tests.support.examples import EXAMPLES_DIR, Example, all_examples, compare, load

pytestmark = BROWSER_MARKS


def test_runnable_blocks_are_the_examples_marked_browser(pages_of_examples: dict, proof) -> None:
    """docs/hooks.py gives a Run button to exactly the examples whose options say `browser`."""
    proof("runnable blocks match the `browser` token", "")
    assert BROWSER_EXAMPLES, "no example is marked `browser`"
    assert set(pages_of_examples) == {e.path.name for e in BROWSER_EXAMPLES}


def test_stand_in_is_declared_where_the_server_is_used() -> None:
    """`browser=stand-in` marks exactly the runnable examples that start workloads.latency_server():
    the page then says a simulated server stands in for the network."""
    for example in BROWSER_EXAMPLES:
        uses_server = re.search(r"\blatency_server\(", example.program) is not None
        assert example.stand_in == uses_server, (
            f"{example.name}: {'uses' if uses_server else 'does not use'} latency_server(),"
            f" so `browser{'=stand-in' if uses_server else ''}`"
        )
    assert any(e.stand_in for e in BROWSER_EXAMPLES)


@pytest.mark.parametrize(
    "example",
    [
        pytest.param(
            e, id=e.path.stem, marks=[pytest.mark.exclusive] if e.timing or e.bounded else []
        )
        for e in BROWSER_EXAMPLES
    ],
)
def test_browser_example(example: Example, reader, pages_of_examples: dict, proof) -> None:
    proof("browser example run in Chromium", example.path.name)
    page = reader(pages_of_examples[example.path.name])
    block = Block(page, example.path.name)
    show_its_tab(block)
    # The first stand-in note or runnable block after this one: the note if this one has one.
    after = block.block.locator(
        "xpath=following-sibling::*[contains(@class, 'runner-stand-in')"
        " or contains(@class, 'runnable')][1]"
    )
    if example.stand_in:
        assert "runner-stand-in" in after.get_attribute("class")
        assert "simulated server stands in for the network" in after.inner_text()
    else:
        assert after.count() == 0 or "runner-stand-in" not in after.get_attribute("class")
    actual = block.run(timeout=COLD_START + example.timeout)
    status = block.status.inner_text()
    assert status.startswith("Finished"), f"{status}\n" + "\n".join(actual)
    problems = compare(example.expected_browser or example.expected, actual)
    assert not problems, (
        f"{example.name} in Chromium:\n"
        + "\n".join(problems)
        + "\n--- output panel ---\n"
        + "\n".join(actual)
    )


def show_its_tab(block: Block) -> None:
    """An example in a content tab (```=== "asyncio"```) is shown as a reader shows it: by
    clicking its tab's label."""
    index = block.block.evaluate(
        """block => {
            const tab = block.closest(".tabbed-block");
            return tab ? [...tab.parentElement.children].indexOf(tab) : -1;
        }"""
    )
    if index >= 0:
        labels = block.block.locator(
            "xpath=ancestor::div[contains(@class, 'tabbed-set')][1]"
            "/div[contains(@class, 'tabbed-labels')]/label"
        )
        labels.nth(index).click()
    block.run_button.wait_for(state="visible", timeout=10_000)


def test_browser_limits_table_quotes_the_examples_answers() -> None:
    """docs/browser.md's table gives browser_limits.py's answers, one row per line it prints;
    what the browser column quotes (`code`) is in the line the example states for the browser,
    which test_browser_example checks in Chromium (and the example tests check CPython's)."""
    example = load(EXAMPLES_DIR / "browser_limits.py")
    assert example.expected_browser, "browser_limits.py states no `# Output in the browser` lines"
    text = (ROOT / "docs" / "browser.md").read_text(encoding="utf-8")
    after = text.partition('--8<-- "browser_limits.py"')[2]
    table = re.search(r"(?m)(^\|.*\|\n)+", after)  # the first table after the example
    assert table, "docs/browser.md has no table after browser_limits.py"
    rows = re.findall(r"^\|(?!---)(.*)\|$", table[0], re.M)[1:]  # after the header row
    assert len(rows) == len(example.expected_browser), rows
    for row, line in zip(rows, example.expected_browser, strict=True):
        in_browser = row.split("|")[2]
        quoted = re.findall(r"`([^`]+)`", in_browser)
        for answer in quoted:
            assert answer in line.text, f"the table says {answer!r}; the example: {line.text!r}"


def test_the_browser_page_lists_every_example(site, pages_of_examples: dict) -> None:
    """docs/browser.md's list (made by the hook from the contract) names every example once and
    counts the runnable ones as the contract does."""
    html = (site / "browser" / "index.html").read_text(encoding="utf-8")
    examples = all_examples()
    count = re.search(r"<strong>(\d+) of the (\d+) examples run in the page</strong>", html)
    assert count, "docs/browser.md lost its [[browser-list]]"
    assert (int(count[1]), int(count[2])) == (len(BROWSER_EXAMPLES), len(examples))
    the_list = html.partition(count[0])[2].partition("<h2")[0]
    listed = re.findall(r"<code>([\w.]+\.py)</code>", the_list)
    assert sorted(listed) == sorted(e.name for e in examples)
