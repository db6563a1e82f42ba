"""The runner's numbers, measured in the page (medians of 5) and printed in the summary: cold and
warm Run→first output, bytes before and on the first Run, Stop's latency, the Run after a Stop."""

from __future__ import annotations

import statistics

import pytest
from playwright.sync_api import Browser

from tests.support.browser import (  # noqa: F401 - fixtures
    BROWSER_MARKS,
    COLD_START,
    PLAYGROUND,
    Block,
    Server,
    browser,
    open_page,
    pages_of_examples,
    playwright,
    server,
    site,
)

pytestmark = BROWSER_MARKS


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
