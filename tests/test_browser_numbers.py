"""The runner's numbers, measured in the page (medians of 5) and printed in the summary: cold Run→
first output without and with intent (the pointer over Run shortly before the click), warm, bytes
before intent and on the first Run, Pyodide bytes on the next page, Stop's latency, the Run after
a Stop."""

from __future__ import annotations

import statistics

import pytest
from playwright.sync_api import Browser

from tests.support.browser import (
    BROWSER_MARKS,
    COLD_START,
    PLAYGROUND,
    Block,
    Server,
    open_page,
)

pytestmark = BROWSER_MARKS

INTENT_LEAD = 0.5  # seconds the pointer rests on Run before the click, in the "with intent" runs


def pyodide_bytes(server: Server, mark: int) -> int:
    return sum(size for path, size, _ in server.log[mark:] if path.startswith("/pyodide/"))


@pytest.mark.exclusive
def test_runner_numbers(browser: Browser, server: Server, pages_of_examples: dict, proof) -> None:
    """Cold and warm Run→first output, bytes sent before intent and on the first Run, Stop's
    latency and the first output of the Run after a Stop (medians of 5), measured in the page;
    they are printed in the summary of the test run."""
    url = server.url + pages_of_examples[PLAYGROUND]
    cold, warmed, before, pyodide_before, first_run, next_page = [], [], [], [], [], []
    for intent in (False, True):
        for _ in range(5):
            mark = len(server.log)
            page = open_page(browser, url)  # a new context: nothing cached
            block = Block(page, PLAYGROUND)
            block.edit('print("hello")\n')  # opens the editor: not an intent to run
            before.append(server.sent_since(mark))
            pyodide_before.append(pyodide_bytes(server, mark))
            mark = len(server.log)
            if intent:
                block.run_button.hover()
                page.wait_for_timeout(INTENT_LEAD * 1000)
            (warmed if intent else cold).append(block.ms_to_first_output())
            block.wait_until_finished(COLD_START)
            first_run.append(server.sent_since(mark))
            if intent:  # another page of the site, fully loaded: Pyodide from the HTTP cache
                mark = len(server.log)
                page.goto(server.url + "/concepts/")
                concepts = page.locator("div.runnable").first.get_attribute("data-example")
                Block(page, concepts).run()
                next_page.append(pyodide_bytes(server, mark))
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
    median = statistics.median
    numbers = (
        f"cold {median(cold) / 1000:.2f} s (runs: {', '.join(f'{c / 1000:.2f}' for c in cold)}), "
        f"with {INTENT_LEAD} s of intent {median(warmed) / 1000:.2f} s, warm {median(warm):.0f} ms; "
        f"{median(before) / 1e6:.2f} MB before intent ({median(pyodide_before):.0f} B of Pyodide), "
        f"{median(first_run) / 1e6:.2f} MB on the first Run, "
        f"{median(next_page) / 1e6:.2f} MB of Pyodide on the next page; "
        f"Stop {median(stops):.1f} ms, next Run's first output {median(restarts) / 1000:.2f} s "
        "after Stop"
    )
    print(f"\nrunner numbers (medians of 5): {numbers}")
    proof("runner numbers (medians of 5)", numbers)
    assert max(pyodide_before) == 0
    assert median(cold) < COLD_START * 1000
    assert median(warm) < 2000
    assert max(stops) < 1000
    assert median(next_page) < median(first_run) / 10, "Pyodide was not cached across pages"
