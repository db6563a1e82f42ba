"""Examples in the browser: every example marked `browser` runs on its page with its Run button
and its output panel matches the example's expected output (the contract's matcher, as in
CPython); browser_limits.py gives, on each side, the answers docs/browser.md states."""

from __future__ import annotations

import subprocess
import sys

import pytest
from playwright.sync_api import Browser

from tests.support.browser import (  # noqa: F401 - fixtures
    BROWSER_EXAMPLES,
    BROWSER_MARKS,
    COLD_START,
    ROOT,
    Block,
    Server,
    browser,
    open_page,
    pages_of_examples,
    playwright,
    server,
    site,
)
from tests.support.examples import Example, Line, compare

pytestmark = BROWSER_MARKS


def test_runnable_blocks_are_the_examples_marked_browser(pages_of_examples: dict, proof) -> None:
    """docs/hooks.py gives a Run button to exactly the examples whose options say `browser`."""
    proof("runnable blocks match the `browser` token", "")
    assert BROWSER_EXAMPLES, "no example is marked `browser`"
    assert set(pages_of_examples) == {e.path.name for e in BROWSER_EXAMPLES}


@pytest.mark.parametrize(
    "example",
    [
        pytest.param(
            e, id=e.path.stem, marks=[pytest.mark.exclusive] if e.timing or e.bounded else []
        )
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
