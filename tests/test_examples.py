"""Every example runs as a reader would run it, and prints what its spec block says.

Each run puts the example's bundle — the program as the page shows it and the helpers it imports
(tests/support/examples.py: `Example.bundle`) — alone in an empty folder, and runs it with the
CPython of an environment that holds only examples/requirements.txt. So every run is also the
copy test: what a reader copies or downloads is what ran.

Runs per example:
- the *bounded run*: newest CPython found, the forkserver start method for process examples;
  every bound of the expected output (`{float<1.0}`) is checked; a `timing` example has the
  machine alone for it, and passes if one of TIMING_ATTEMPTS runs meets every bound (its claims
  are what an undisturbed machine does; each re-run is listed in the summary);
- every other CPython found × start method (fork, spawn, forkserver), checking the output's
  shape (text and placeholders; the numbers' bounds are the bounded run's); one of these runs
  (the oldest CPython, fork) is under `-X dev -W error`;
- a `sigint` example also runs with SIGINT ignored (as under `nohup` or `cmd &`).
The recorded run each page shows (examples/recorded.json) must be current and match, too.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.examples import (
    ROOT,
    SLOW_CALLBACK,
    START_METHODS,
    TIMING_ATTEMPTS,
    Line,
    add_proof,
    all_examples,
    compare,
    find_python,
    format_problem,
    load_records,
    pythons_data,
    record_problems,
    run,
    runs_on,
    version_key,
)

EXAMPLES = [e for e in all_examples() if not e.tested_by]
# The CPythons of this run: EXAMPLE_PYTHONS (a CI matrix job names one), else the local ones
# that must be here plus any newer one found.
if os.environ.get("EXAMPLE_PYTHONS"):
    VERSIONS = tuple(os.environ["EXAMPLE_PYTHONS"].split(","))
    REQUIRED = VERSIONS
else:
    REQUIRED = tuple(pythons_data()["local"])
    VERSIONS = tuple(v for v in pythons_data()["versions"] if v in REQUIRED or find_python(v))
PYTHONS = {v: find_python(v) for v in VERSIONS}
NEWEST = max(VERSIONS, key=lambda v: (version_key(v), not v.endswith("t")))


def cases():
    for example in EXAMPLES:
        # One run in dev mode: the oldest CPython, fork (dev mode's debug allocator and asyncio
        # debug mode make CPU-bound code several times slower; once per example proves it clean).
        dev_run = (min(VERSIONS, key=version_key), "fork" if example.processes else None)
        for version in VERSIONS:
            for method in START_METHODS if example.processes else (None,):
                bounded = version == NEWEST and method in (None, "forkserver")
                kind = "bounded" if bounded else "dev" if (version, method) == dev_run else "shape"
                marks = [pytest.mark.exclusive] if bounded and example.timing else []
                test_id = f"{example.path.stem}-py{version}" + (f"-{method}" if method else "")
                yield pytest.param(example, version, method, kind, id=test_id, marks=marks)
        if example.sigint:
            yield pytest.param(
                example, NEWEST, None, "sigint", id=f"{example.path.stem}-py{NEWEST}-sigint-ignored"
            )


@pytest.mark.examples
@pytest.mark.parametrize(("example", "version", "method", "kind"), list(cases()))
def test_example(  # noqa: PLR0917 - pytest passes fixtures by name
    example, version: str, method: str | None, kind: str, proof, record_property
) -> None:
    where = f"CPython {version}" + (f", {method}" if method else "")
    why_not = runs_on(example, version)
    if why_not:
        proof("example NOT run on that CPython", f"{example.name} on {version}: {why_not}")
        pytest.skip(why_not)
    python = PYTHONS[version]
    if python is None:
        if os.environ.get("CI"):
            pytest.fail(f"CPython {version} is required in CI and was not found")
        pytest.skip(f"CPython {version} not found on this machine")
    proof(
        {
            "bounded": "example run, bounds checked",
            "dev": "example run under -X dev -W error",
            "shape": "example run, output shape checked",
            "sigint": "example run with SIGINT ignored",
        }[kind],
        where,
    )
    result = run(example, python, method=method, dev=kind == "dev", sigint_ignored=kind == "sigint")
    record_property("example_run", (result.seconds, result.cpu_seconds))
    attempts = TIMING_ATTEMPTS if kind == "bounded" and example.timing else 1
    for attempt in range(2, attempts + 1):
        missed = result.problems(example, version=version)
        if not missed or result.problems(example, check_bounds=False, version=version):
            break  # every bound met, or something other than a bound is wrong: no re-run
        proof("timing example re-run after a missed bound", f"{example.name}: {missed[0]}")
        result = run(example, python, method=method)
        record_property("example_run", (result.seconds, result.cpu_seconds))
        if not result.problems(example, version=version):
            proof("timing example passed on a later run", f"{example.name}: run {attempt}")
    if kind == "dev" and SLOW_CALLBACK.search(result.stderr) and not example.blocks_loop:
        # asyncio's debug mode times callbacks by the wall clock: on a loaded 2-core machine any
        # of them can pass 0.1 s. Listed in the summary, not failed; all else on stderr fails.
        proof("dev run: asyncio slow-callback lines tolerated", f"{example.name} ({where})")
        result.stderr = SLOW_CALLBACK.sub("", result.stderr)
    problems = result.problems(example, check_bounds=kind == "bounded", version=version)
    assert not problems, (
        f"{example.name} under {where} ({kind} run, {result.seconds:.1f} s):\n"
        + "\n".join(problems)
        + "\n--- full stdout ---\n"
        + "\n".join(result.stdout)
    )
    if kind != "sigint":
        add_proof(example, version, method)


@pytest.mark.records
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.path.stem)
def test_recorded_output_is_current(example, proof) -> None:
    """The run a page shows is a real run of the example as it stands, within its bounds."""
    proof("recorded output current and matching", "")
    problems = record_problems(example, load_records())
    assert not problems, "\n".join(problems)


@pytest.mark.lint
def test_matcher_understands_placeholders() -> None:
    lines = [Line("took {float<1.0} s, {int>=2<=8} workers")]
    assert compare(lines, ["took 0.52 s, 4 workers"]) == []
    assert compare(lines, ["took 1.52 s, 4 workers"])
    assert compare(lines, ["took 1.52 s, 4 workers"], check_bounds=False) == []
    assert compare(lines, ["took 0.52 s, 9 workers"])
    assert compare([Line("{'a': 1} {...}")], ["{'a': 1} anything at all"]) == []
    group = [Line("a {int}", True), Line("b", True)]
    assert compare(group, ["b", "a 3"]) == []
    assert compare(group, ["b", "c"])
    assert compare(lines, ["took 0.5 s, 4 workers", "extra"])
    assert compare([Line("took {float} s")], ["took   0.52 s"]) == []
    assert lines[0].guarantee() == "under 1; at least 2 and at most 8"


def test_every_required_python_is_here() -> None:
    """CI must have every CPython it is asked for, so the pages can say what each example ran on."""
    missing = [v for v in REQUIRED if not PYTHONS.get(v)]
    if os.environ.get("CI"):
        assert not missing, f"CPython {missing} not found"
    assert EXAMPLES, "no examples found"
    assert sys.version_info >= (3, 12), "the tool environment must use CPython 3.12 or newer"


# ---------------------------------------------------------------------------------------------
# Lint and format: one ruff configuration (pyproject.toml) for examples, tests, hooks and docs


def ruff(*args: str, source: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args],
        check=False,
        cwd=ROOT,
        input=source,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.lint
def test_lint(proof) -> None:
    proof("examples, tests and hooks linted", "")
    result = ruff("check", "--no-cache", "examples", "tests", "docs/hooks.py")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.lint
def test_format() -> None:
    """`ruff format --check` of tests, hooks and examples (`make format` formats them)."""
    result = ruff("format", "--check", "--no-cache", "--diff", "tests", "docs/hooks.py")
    unformatted = [result.stdout] if result.returncode else []
    unformatted += [
        e.name for e in all_examples() if format_problem(e.path.read_text(), str(e.path))
    ]
    assert not unformatted, f"not formatted (run `make format`): {unformatted}"
