"""Every fenced Python block in docs/**/*.md is linted, format-checked, executed and its output checked.

pytest-examples finds and runs the blocks (`print(x)  #> value` comments are the expected output);
ruff lints and format-checks them with the one configuration of pyproject.toml, as the examples.
Blocks that only include a file from examples/ (`--8<-- "name.py"`) are proven by
test_examples.py instead, as real programs. Two rare fence markers exist:
`test="skip"` (linted only, and listed in the summary) and `raises="ErrorName"` (must raise it).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

from tests.support.examples import format_problem

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.docs
BLOCKS = [
    example
    for example in find_examples(ROOT / "docs")
    if example.path.suffix == ".md" and not example.source.lstrip().startswith("--8<--")
]


def block_id(example: CodeExample) -> str:
    return f"{example.path.relative_to(ROOT / 'docs')}:{example.start_line}"


@pytest.mark.parametrize("example", BLOCKS, ids=block_id)
def test_docs_block(example: CodeExample, eval_example: EvalExample, proof) -> None:
    settings = example.prefix_settings()
    name = f"{example.path.with_suffix('')}_{example.start_line}.py"  # ruff picks rules by path
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", f"--stdin-filename={name}", "-"],
        input=example.source,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, f"ruff check:\n{result.stdout}{result.stderr}"
    assert not format_problem(example.source, name), format_problem(example.source, name)
    if settings.get("test") == "skip":
        proof("docs block linted but NOT run (test=skip)", block_id(example))
        return
    proof("docs block linted and executed", "")
    if "raises" in settings:
        with pytest.raises(Exception) as raised:
            eval_example.run(example)
        assert type(raised.value).__name__ == settings["raises"], raised.value
    elif eval_example.update_examples:
        eval_example.run_print_update(example)
    else:
        eval_example.run_print_check(example)


def test_docs_have_blocks() -> None:
    assert BLOCKS, "no Python blocks found under docs/"
