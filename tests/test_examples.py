"""Every script in examples/ runs as a real program and prints what the script says it prints.

Each script is run with `python examples/NAME.py` in a subprocess (its own session), under every
CPython 3.11 / 3.12 / 3.13 found, and, if it declares `# example: processes`, under each start
method fork / spawn / forkserver. Its stdout is compared with the `#>` lines at the end of the
script; placeholders such as `{float<1.0}` mark nondeterministic values (see README).
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
# Every CPython the site supports; EXAMPLE_PYTHONS=3.14 (say) narrows a run to some of them.
# 3.11-3.13 must be present here and in CI; 3.14 is used where found (GitHub's matrix has it).
VERSIONS = tuple(os.environ.get("EXAMPLE_PYTHONS", "3.11,3.12,3.13,3.14").split(","))
REQUIRED = VERSIONS if "EXAMPLE_PYTHONS" in os.environ else ("3.11", "3.12", "3.13")
START_METHODS = ("fork", "spawn", "forkserver")
START_METHOD_SITE = Path(__file__).parent / "start_method"


def find_python(version: str) -> str | None:
    """The examples' environment for CPython `version` (made by `make setup` with
    examples/requirements.txt); else the bare interpreter, from pyenv or pythonX.Y on PATH."""
    venv = ROOT / ".venv" / f"examples-{version}" / "bin" / "python"
    if venv.exists():
        return str(venv)
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    for candidate in sorted(pyenv_root.glob(f"versions/{version}.*/bin/python3"), reverse=True):
        if re.fullmatch(rf"{re.escape(version)}\.\d+", candidate.parent.parent.name):
            return str(candidate)
    return shutil.which(f"python{version}")


PYTHONS = {v: find_python(v) for v in VERSIONS}
PYTHONS = {v: p for v, p in PYTHONS.items() if p or v in REQUIRED}

# ---------------------------------------------------------------------------------------------
# The expected-output convention


NUMBER = r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
PLACEHOLDER = re.compile(r"\{(float|int|\.\.\.)((?:\s*(?:<=|>=|<|>)\s*" + NUMBER + r")*)\}")
BOUND = re.compile(r"(<=|>=|<|>)\s*(" + NUMBER + ")")
CHECKS = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


@dataclasses.dataclass
class Line:
    """One expected line: a regex plus the numeric bounds of its placeholders."""

    text: str
    unordered: bool
    regex: re.Pattern = dataclasses.field(init=False)
    bounds: list[list[tuple[str, float]]] = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        pattern, self.bounds, pos = "", [], 0
        for m in PLACEHOLDER.finditer(self.text):
            pattern += re.escape(self.text[pos : m.start()])
            kind, bounds = m.groups()
            if kind == "...":
                pattern += "(.*?)"
                self.bounds.append([])
            else:
                # A number may be padded to a width (f"{x:5.2f}"): leading spaces are accepted.
                pattern += f" *({NUMBER})" if kind == "float" else r" *(-?\d+)"
                self.bounds.append([(op, float(n)) for op, n in BOUND.findall(bounds)])
            pos = m.end()
        self.regex = re.compile(pattern + re.escape(self.text[pos:]))

    def matches(self, actual: str) -> bool:
        m = self.regex.fullmatch(actual)
        if not m:
            return False
        return all(
            CHECKS[op](float(value), limit)
            for value, bounds in zip(m.groups(), self.bounds, strict=True)
            for op, limit in bounds
        )


@dataclasses.dataclass
class Example:
    path: Path
    expected: list[Line]
    processes: bool = False
    timing: bool = False
    min_python: str = "3.11"
    timeout: float = 60
    browser: bool = False  # also runs in Pyodide: proven in Chromium by tests/test_browser.py
    tested_by: str = ""  # a program with a test module of its own (e.g. the benchmark harness)

    @classmethod
    def parse(cls, path: Path) -> Example:
        text = path.read_text()
        expected = [
            Line(m.group(2) or "", unordered=m.group(1) == "?")
            for m in re.finditer(r"^#([>?])(?: (.*))?$", text, re.MULTILINE)
        ]
        example = cls(path, expected)
        for options in re.findall(r"^# example: (.*)$", text, re.MULTILINE):
            for option in options.split():
                if option in ("processes", "timing", "browser"):
                    setattr(example, option, True)
                elif option.startswith("python>="):
                    example.min_python = option.removeprefix("python>=")
                elif option.startswith("tested-by="):
                    example.tested_by = option.removeprefix("tested-by=")
                    assert (ROOT / example.tested_by).exists(), (
                        f"{path.name}: no {example.tested_by}"
                    )
                elif option.startswith("timeout="):
                    example.timeout = float(option.removeprefix("timeout="))
                else:
                    raise ValueError(f"{path.name}: unknown example option {option!r}")
        return example


def compare(expected: list[Line], actual: list[str]) -> list[str]:
    """Problems found when matching stdout lines against the expected lines (empty: match)."""
    problems, i, j = [], 0, 0
    while i < len(expected):
        if expected[i].unordered:
            group_end = i
            while group_end < len(expected) and expected[group_end].unordered:
                group_end += 1
            group, chunk = expected[i:group_end], actual[j : j + group_end - i]
            free = list(chunk)
            for line in group:
                hit = next((a for a in free if line.matches(a)), None)
                if hit is None:
                    problems.append(f"#? {line.text!r} matches none of {chunk!r}")
                else:
                    free.remove(hit)
            i, j = group_end, j + len(group)
            continue
        got = actual[j] if j < len(actual) else "<end of output>"
        if not expected[i].matches(got):
            problems.append(
                f"line {j + 1}: expected #> {expected[i].text!r}\n{' ' * 8}got    {got!r}"
            )
        i, j = i + 1, j + 1
    if j < len(actual):
        problems.append(f"unexpected extra output from line {j + 1}: {actual[j:]!r}")
    return problems


def test_compare_understands_placeholders() -> None:
    """The matcher itself: placeholders, bounds, literal braces and unordered groups."""
    lines = [Line("took {float<1.0} s, {int>=2<=8} workers", False)]
    assert compare(lines, ["took 0.52 s, 4 workers"]) == []
    assert compare(lines, ["took 1.52 s, 4 workers"])
    assert compare(lines, ["took 0.52 s, 9 workers"])
    assert compare([Line("{'a': 1} {...}", False)], ["{'a': 1} anything at all"]) == []
    group = [Line("a {int}", True), Line("b", True)]
    assert compare(group, ["b", "a 3"]) == []
    assert compare(group, ["b", "c"])
    assert compare(lines, ["took 0.5 s, 4 workers", "extra"])
    assert compare([Line("took {float} s", False)], ["took   0.52 s"]) == []


# ---------------------------------------------------------------------------------------------
# Running the scripts


def cases():
    for path in EXAMPLES:
        example = Example.parse(path)
        if example.tested_by:
            continue
        for version in PYTHONS:
            if tuple(map(int, version.split("."))) < tuple(map(int, example.min_python.split("."))):
                continue
            for method in START_METHODS if example.processes else (None,):
                test_id = f"{path.stem}-py{version}" + (f"-{method}" if method else "")
                marks = [pytest.mark.exclusive] if example.timing else []
                yield pytest.param(example, version, method, id=test_id, marks=marks)


def session_members(sid: int) -> list[psutil.Process]:
    members = []
    for p in psutil.process_iter():
        try:
            if os.getsid(p.pid) == sid and p.status() != psutil.STATUS_ZOMBIE:
                members.append(p)
        except (OSError, psutil.Error):
            pass
    return members


def clean_env(**extra: str) -> dict[str, str]:
    """The environment an example runs in: this one, minus Python and pyenv settings and the
    cluster addresses that make the Dask and Ray examples connect to a cluster (tests/test_clusters.py)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PYENV"))}
    for name in ("DASK_SCHEDULER_ADDRESS", "RAY_ADDRESS"):
        env.pop(name, None)
    env.update(PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8", PYTHONUTF8="1", **extra)
    return env


def run_script(example: Example, python: str, env: dict[str, str]) -> list[str]:
    """Run `python examples/NAME.py` in a session of its own; return its stdout lines.

    Fails the test on a timeout, a non-zero exit, any stderr, or any process of the session
    (pool workers, forkserver, resource tracker...) still running 5 s after the script ended.
    """
    process = subprocess.Popen(
        [python, f"examples/{example.path.name}"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=example.timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        pytest.fail(f"timed out after {example.timeout} s\nstdout:\n{stdout}\nstderr:\n{stderr}")
    finally:
        deadline = time.monotonic() + 5
        while (left := session_members(process.pid)) and time.monotonic() < deadline:
            time.sleep(0.05)
        for p in left:
            p.kill()
    assert not left, f"the example left processes running: {[p.cmdline() for p in left]}"
    assert process.returncode == 0, f"exit status {process.returncode}\n{stderr}"
    assert stderr == "", f"stderr must be empty:\n{stderr}"
    return [line.rstrip() for line in stdout.rstrip("\n").split("\n")] if stdout else []


@pytest.mark.parametrize(("example", "version", "method"), list(cases()))
def test_example_runs(example: Example, version: str, method: str | None, proof) -> None:
    proof("example script run", f"CPython {version}" + (f", {method}" if method else ""))
    python = PYTHONS[version]
    if python is None:
        if os.environ.get("CI"):
            pytest.fail(f"CPython {version} is required in CI and was not found")
        pytest.skip(f"CPython {version} not found on this machine")
    env = clean_env(
        **({"PYTHONPATH": str(START_METHOD_SITE), "EXAMPLE_START_METHOD": method} if method else {})
    )
    assert example.expected, f"{example.path.name} declares no expected output (#> lines)"
    # A `timing` example measures speed on a shared machine (a hypervisor, other programs):
    # it gets up to three runs, and one inside every bound passes. The summary counts retries.
    attempts, attempt = (3 if example.timing else 1), 0
    while True:
        attempt += 1
        started = time.monotonic()
        actual = run_script(example, python, env)
        elapsed = time.monotonic() - started
        problems = compare(example.expected, actual)
        if not problems or attempt == attempts:
            break
    if attempt > 1 and not problems:
        proof("timing example passed only on a re-run", f"{example.path.name} (run {attempt})")
    assert not problems, (
        f"{example.path.name} under CPython {version} ({elapsed:.1f} s):\n"
        + "\n".join(problems)
        + "\n--- full stdout ---\n"
        + "\n".join(actual)
    )


def test_every_example_is_run_on_every_python() -> None:
    """CI must have all three interpreters, so the site can say what each example ran on."""
    missing = [v for v in REQUIRED if not PYTHONS.get(v)]
    if os.environ.get("CI"):
        assert not missing, f"CPython {missing} not found"
    assert EXAMPLES, "no examples found"
    assert sys.version_info >= (3, 12), "the tool environment must use CPython 3.12 or newer"


# ---------------------------------------------------------------------------------------------
# Lint and format, with the same settings as the docs blocks (pyproject.toml)


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_examples_lint(proof) -> None:
    proof("example scripts linted and format-checked", "")
    result = ruff("check", "--no-cache", "examples", "tests", "docs/hooks.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_examples_format() -> None:
    """`ruff format --check`, except that the `#>` / `#?` output lines keep their convention
    (a formatter would write `# >`; `make format` formats and puts them back)."""
    unformatted = []
    for path in [*EXAMPLES, *sorted(Path(__file__).parent.glob("*.py")), ROOT / "docs/hooks.py"]:
        source = re.sub(r"^#([>?])", r"# \1", path.read_text(), flags=re.MULTILINE)
        result = subprocess.run(
            [sys.executable, "-m", "ruff", "format", "--no-cache", f"--stdin-filename={path}", "-"],
            check=False,
            cwd=ROOT,
            input=source,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if result.returncode != 0 or result.stdout != source:
            unformatted.append(path.name)
    assert not unformatted, f"not formatted (run `make format`): {unformatted}"
