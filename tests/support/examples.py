"""The example contract: what an example in examples/ is, how it runs, what it must print.

This module is the only place that knows the format. The MkDocs hook (docs/hooks.py), every
test module, `make format` and `make update-output` import it.

An example is a program in examples/ that ends with a *spec block* — comment lines the reader
never sees (the site shows and offers the program without them):

    # Output (timings vary):              <- optional caption, shown above the recorded output
    # example: processes timing           <- optional options line
    #> 10 waits took {float<1.0} s        <- expected stdout, one line each; `#?` = any order

Placeholders in expected lines: `{float}`, `{int}`, with bounds such as `{float<1.0}` or
`{int>=2<=8}`, and `{...}` for any text. Everything else is literal.

What a page shows is not the pattern but a *recorded run* (examples/recorded.json, written by
`make update-output`): the real stdout of one run, with its CPython version and date, and the
bounds said in words. The tests fail when a record is missing, stale (the example or a helper it
imports changed since), or no longer matches the expected lines.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime
import hashlib
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES_DIR = ROOT / "examples"
RECORDS = EXAMPLES_DIR / "recorded.json"
REQUIREMENTS = EXAMPLES_DIR / "requirements.txt"
PYTHONS_FILE = Path(__file__).with_name("pythons.json")
START_METHOD_SITE = Path(__file__).resolve().parent.parent / "start_method"
START_METHODS = ("fork", "spawn", "forkserver")
# A `timing` example's speed claims are about what a machine does undisturbed: its bounded run
# counts as passed if one of this many runs meets every bound (each failed run is listed in the
# test summary, and the page says so). On a shared 2-core CI machine one run in a few dozen
# measures 1.1x where two free cores give 1.8x.
TIMING_ATTEMPTS = 3
DEV_SLOWDOWN = 3  # a run under `-X dev` may take this many times an example's timeout
RECORD_START_METHOD = "forkserver"  # the Linux default since CPython 3.14
BENCH_RESULTS = ROOT / "docs" / "benchmarks" / "results.json"

# ---------------------------------------------------------------------------------------------
# Expected output: lines with placeholders

NUMBER = r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
PLACEHOLDER = re.compile(r"\{(float|int|\.\.\.)((?:\s*(?:<=|>=|<|>)\s*" + NUMBER + r")*)\}")
BOUND = re.compile(r"(<=|>=|<|>)\s*(" + NUMBER + ")")
CHECKS = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}
WORDS = {"<": "under", "<=": "at most", ">": "over", ">=": "at least"}


@dataclasses.dataclass
class Line:
    """One expected line: a regex plus the numeric bounds of its placeholders."""

    text: str
    unordered: bool = False
    regex: re.Pattern = dataclasses.field(init=False, repr=False)
    bounds: list[list[tuple[str, float]]] = dataclasses.field(init=False, repr=False)

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

    @property
    def bounded(self) -> bool:
        return any(self.bounds)

    def matches(self, actual: str, *, check_bounds: bool = True) -> bool:
        m = self.regex.fullmatch(actual)
        if not m:
            return False
        return not check_bounds or all(
            CHECKS[op](float(value), limit)
            for value, bounds in zip(m.groups(), self.bounds, strict=True)
            for op, limit in bounds
        )

    def guarantee(self) -> str:
        """The bounds in words: 'under 1.0', 'at least 2 and at most 8' (empty if none)."""
        parts = []
        for bounds in self.bounds:
            if bounds:
                parts.append(" and ".join(f"{WORDS[op]} {number(n)}" for op, n in bounds))
        return "; ".join(parts)


def number(n: float) -> str:
    return f"{n:g}" if n != int(n) or abs(n) >= 1e6 else f"{int(n)}"


def guarantees(expected: list[Line], actual: list[str]) -> list[tuple[str, str]]:
    """(printed line, its bounds in words) for each line of a matching output that has bounds."""
    found, free = [], list(actual)
    for i, line in enumerate(expected):
        if line.unordered:
            hit = next((a for a in free if line.matches(a)), None)
        else:
            hit = actual[i] if i < len(actual) else None
        if hit is not None:
            free.remove(hit)
            if line.bounded:
                found.append((hit, line.guarantee()))
    return found


def compare(expected: list[Line], actual: list[str], *, check_bounds: bool = True) -> list[str]:
    """Problems found when matching stdout lines against the expected lines (empty: match).

    With check_bounds=False only the shape is checked: text and placeholders, not the numbers'
    bounds (used for the runs that prove an example on other CPythons and start methods)."""
    problems, i, j = [], 0, 0
    while i < len(expected):
        if expected[i].unordered:
            group_end = i
            while group_end < len(expected) and expected[group_end].unordered:
                group_end += 1
            group, chunk = expected[i:group_end], actual[j : j + group_end - i]
            free = list(chunk)
            for line in group:
                hit = next((a for a in free if line.matches(a, check_bounds=check_bounds)), None)
                if hit is None:
                    problems.append(f"#? {line.text!r} matches none of {chunk!r}")
                else:
                    free.remove(hit)
            i, j = group_end, j + len(group)
            continue
        got = actual[j] if j < len(actual) else "<end of output>"
        if not expected[i].matches(got, check_bounds=check_bounds):
            problems.append(
                f"line {j + 1}: expected #> {expected[i].text!r}\n{' ' * 8}got    {got!r}"
            )
        i, j = i + 1, j + 1
    if j < len(actual):
        problems.append(f"unexpected extra output from line {j + 1}: {actual[j:]!r}")
    return problems


# ---------------------------------------------------------------------------------------------
# The example: program, spec block and options

SPEC_LINE = re.compile(r"^(?:#[>?](?: .*)?|# example: .*|# Output\b.*|)$")
OPTION_FLAGS = ("processes", "timing", "browser", "sigint", "blocks-loop")


@dataclasses.dataclass
class Example:
    path: Path
    program: str  # what the reader sees, copies and downloads: the file without its spec block
    expected: list[Line]
    # On free-threaded builds (3.14t...), where the output differs: the `#>` lines after a
    # `# Output on free-threaded builds...:` line. Empty: the same as on the GIL builds.
    expected_free_threaded: list[Line] = dataclasses.field(default_factory=list)
    # In the browser (Pyodide), where a `browser` example's output differs: the `#>` lines after
    # a `# Output in the browser...:` line. Empty: the same as in CPython. (browser_limits.py
    # prints what this Python can do: each side's answers are stated exactly, once, here.)
    expected_browser: list[Line] = dataclasses.field(default_factory=list)
    caption: str = ""  # "timings vary", from `# Output (timings vary):`
    processes: bool = False  # starts processes: run under fork, spawn and forkserver
    timing: bool = False  # measures speed: its bounded run has the machine alone
    browser: bool = False  # also runs in Pyodide (proven in Chromium)
    # `browser=stand-in`: runs in Pyodide with workloads.py's stand-in for latency_server() (a
    # page cannot listen on a socket: fetch()/fetch_async() wait the same latency without one);
    # the page says so beside the Run button.
    stand_in: bool = False
    sigint: bool = False  # deals with Ctrl-C: also run with SIGINT ignored, as under nohup
    blocks_loop: bool = False  # blocking the asyncio loop is the lesson: dev mode may say so
    min_python: str = "3.11"
    timeout: float = 60
    tested_by: str = ""  # a program with a test module of its own (the benchmark harness)
    needs: tuple[str, ...] = ()  # distributions it uses without importing them (py-spy, trio)

    @property
    def name(self) -> str:
        return self.path.name

    @classmethod
    def parse(cls, path: Path) -> Example:
        lines = path.read_text(encoding="utf-8").split("\n")
        start = len(lines)
        while start > 0 and SPEC_LINE.match(lines[start - 1]):
            start -= 1
        while start < len(lines) and not lines[start]:
            start += 1
        spec = lines[start:]
        program = "\n".join(lines[:start]).rstrip("\n") + "\n"
        example = cls(path, program, [])
        expected = example.expected
        for line in spec:
            if line.startswith(("#>", "#?")):
                expected.append(Line(line[3:], unordered=line[1] == "?"))
            elif line.startswith("# Output on free-threaded builds"):
                expected = example.expected_free_threaded
            elif line.startswith("# Output in the browser"):
                expected = example.expected_browser
            elif line.startswith("# Output"):
                caption = line.removeprefix("# Output").strip().rstrip(":").strip()
                if caption.startswith("(") and caption.endswith(")"):
                    caption = caption[1:-1]
                example.caption = caption
            elif line.startswith("# example: "):
                example.set_options(line.removeprefix("# example: ").split())
        return example

    def expected_on(self, version: str) -> list[Line]:
        """The expected output on CPython `version` ("3.14t": a free-threaded build)."""
        return (
            self.expected_free_threaded
            if version.endswith("t") and self.expected_free_threaded
            else self.expected
        )

    def set_options(self, options: list[str]) -> None:
        for option in options:
            key, _, value = option.partition("=")
            if option in OPTION_FLAGS:
                setattr(self, option.replace("-", "_"), True)
            elif option.startswith("python>="):
                self.min_python = option.removeprefix("python>=")
            elif option == "browser=stand-in":
                self.browser = self.stand_in = True
            elif key == "timeout":
                self.timeout = float(value)
            elif key == "tested-by":
                self.tested_by = value
                assert (ROOT / value).exists(), f"{self.name}: no {value}"
            elif key == "needs":
                self.needs = tuple(value.split(","))
            else:
                raise ValueError(f"{self.name}: unknown example option {option!r}")

    @property
    def bounded(self) -> bool:
        return any(line.bounded for line in self.expected)

    def helpers(self) -> list[str]:
        """The example's own modules it imports from examples/ (workloads.py...), transitively."""
        found: list[str] = []
        todo = [self.program]
        while todo:
            for module in imported_modules(todo.pop()):
                name = f"{module}.py"
                if name != self.name and name not in found and (EXAMPLES_DIR / name).exists():
                    found.append(name)
                    todo.append(load(EXAMPLES_DIR / name).program)
        return sorted(found)

    def bundle(self) -> dict[str, str]:
        """What the page offers for download, and what the tests run: file name -> text."""
        return {self.name: self.program} | {
            h: load(EXAMPLES_DIR / h).program for h in self.helpers()
        }

    def requirements(self) -> list[str]:
        """The pins (examples/requirements.txt lines) of `distributions()`."""
        pins = pinned_requirements()
        return [pins[dist] for dist in self.distributions()]

    def distributions(self) -> list[str]:
        """The third-party distributions the bundle imports or declares (`needs=`), by name."""
        pins = pinned_requirements()
        wanted = set(self.needs)
        for text in self.bundle().values():
            for module in imported_modules(text):
                top = module.partition(".")[0]
                # stdlib, a bundled helper, or a module the program writes itself ("x.py")
                if (
                    top in sys.stdlib_module_names
                    or f"{top}.py" in self.bundle()
                    or f"{top}.py" in text
                ):
                    continue
                wanted.add(MODULE_DISTRIBUTIONS.get(top, top))
        unknown = wanted - pins.keys()
        assert not unknown, f"{self.name} imports {sorted(unknown)}: pin them in {REQUIREMENTS}"
        return sorted(wanted)

    def digest(self) -> str:
        """Changes when the example or any helper it imports changes (spec block included)."""
        h = hashlib.sha256(self.path.read_bytes())
        for helper in self.helpers():
            h.update((EXAMPLES_DIR / helper).read_bytes())
        return h.hexdigest()[:16]


# Modules whose distribution on PyPI has another name.
MODULE_DISTRIBUTIONS = {
    "interpreters_backport": "interpreters-pep-734",
    "pytest_asyncio": "pytest-asyncio",
}


def imported_modules(source: str) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def pinned_requirements() -> dict[str, str]:
    """examples/requirements.txt as {distribution: requirement line}."""
    pins = {}
    for raw in REQUIREMENTS.read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            pins[re.split(r"[=<>!~; ]", line, maxsplit=1)[0].lower()] = line
    return pins


_CACHE: dict[Path, tuple[float, Example]] = {}


def load(path: Path) -> Example:
    mtime = path.stat().st_mtime
    cached = _CACHE.get(path)
    if cached is None or cached[0] != mtime:
        cached = _CACHE[path] = (mtime, Example.parse(path))
    return cached[1]


def all_examples() -> list[Example]:
    return [load(p) for p in sorted(EXAMPLES_DIR.glob("*.py"))]


# An include on a page: ```python title="..." / --8<-- "x.py" / ``` (the fence's body is the include).
INCLUDE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*py(?:thon)?\b(?P<options>[^\n{]*)\n"
    r'(?P=indent)--8<--[ \t]+"(?P<name>[^"]+)"[ \t]*\n(?P=indent)(?P=fence)[ \t]*$',
    re.M,
)


def included_examples(markdown: str) -> list[str]:
    return [m["name"] for m in INCLUDE.finditer(markdown)]


# ---------------------------------------------------------------------------------------------
# Where examples run: the CPythons (one list for the workflow, the tests and the pages)


def pythons_data() -> dict:
    return json.loads(PYTHONS_FILE.read_text())


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.rstrip("t").split("."))


def runs_on(example: Example, version: str) -> str:
    """Why `example` cannot run on CPython `version` ('' when it can)."""
    if version_key(version) < version_key(example.min_python):
        return f"needs CPython {example.min_python}+"
    unavailable = pythons_data()["versions"][version].get("unavailable", {})
    lacking = [dist for dist in example.distributions() if dist in unavailable]
    return "; ".join(f"{d}: {unavailable[d]}" for d in lacking)


def tested_on(example: Example) -> dict[str, str]:
    """{version: ''} for the CPythons CI proves it on, {version: reason} for the others."""
    return {v: runs_on(example, v) for v in pythons_data()["versions"]}


def proofs_dir() -> Path | None:
    """Where passing example runs are listed (PROOFS_DIR; the CI examples jobs set it and the
    site job builds the pages from what they list)."""
    return Path(os.environ["PROOFS_DIR"]) if os.environ.get("PROOFS_DIR") else None


def add_proof(example: Example, version: str, method: str | None) -> None:
    folder = proofs_dir()
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
        entry = {"example": example.name, "version": version, "method": method}
        with open(folder / f"proofs-{os.getpid()}.jsonl", "a") as log:
            log.write(json.dumps(entry) + "\n")


def proven_runs() -> dict[str, dict[str, set[str | None]]] | None:
    """{example: {version: {start methods}}} of the runs that passed, or None without PROOFS_DIR."""
    folder = proofs_dir()
    if folder is None:
        return None
    runs: dict[str, dict[str, set[str | None]]] = {}
    for log in folder.glob("*.jsonl"):
        for line in log.read_text().splitlines():
            entry = json.loads(line)
            runs.setdefault(entry["example"], {}).setdefault(entry["version"], set()).add(
                entry["method"]
            )
    return runs


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


# ---------------------------------------------------------------------------------------------
# Running an example as a reader would: its bundle alone in an empty folder


@dataclasses.dataclass
class Run:
    stdout: list[str]
    stderr: str
    returncode: int
    seconds: float
    timed_out: bool = False
    left: list[str] = dataclasses.field(default_factory=list)  # processes still running after
    cpu_seconds: float = 0.0  # user + system time of the program and the processes it waited for

    def problems(
        self, example: Example, *, check_bounds: bool = True, version: str = ""
    ) -> list[str]:
        found = []
        if self.timed_out:
            found.append(f"timed out after {self.seconds:.0f} s")
        if self.left:
            found.append(f"left processes running: {self.left}")
        if self.returncode != 0:
            found.append(f"exit status {self.returncode}")
        stderr = SLOW_CALLBACK.sub("", self.stderr) if example.blocks_loop else self.stderr
        if stderr:
            found.append(f"stderr must be empty:\n{stderr}")
        if not self.timed_out:
            found += compare(example.expected_on(version), self.stdout, check_bounds=check_bounds)
        return found


# Under `-X dev`, asyncio's debug mode logs each callback that ran longer than 0.1 s.
SLOW_CALLBACK = re.compile(r"(?m)^Executing <.*> took \d+\.\d+ seconds\n")


def clean_env(**extra: str) -> dict[str, str]:
    """The environment an example runs in: this one, minus Python and pyenv settings and the
    cluster addresses that make the Dask and Ray examples connect to a cluster."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PYENV"))}
    for name in ("DASK_SCHEDULER_ADDRESS", "RAY_ADDRESS"):
        env.pop(name, None)
    env.update(PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8", PYTHONUTF8="1", **extra)
    return env


def write_bundle(example: Example, folder: Path) -> Path:
    for name, text in example.bundle().items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder / example.name


IGNORE_SIGINT = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); os.execv(sys.argv[1], sys.argv[1:])"


def run(
    example: Example,
    python: str,
    *,
    method: str | None = None,
    dev: bool = False,
    sigint_ignored: bool = False,
    env: dict[str, str] | None = None,
) -> Run:
    """Run the example's bundle in a fresh empty folder, in a session of its own.

    `method` makes that start method the default (tests/start_method/sitecustomize.py), `dev`
    adds `-X dev -W error`, `sigint_ignored` starts it with SIGINT ignored (as `nohup` does).
    Any process of the session still running 5 s after the program ended is killed and listed.
    """
    env = dict(env if env is not None else clean_env())
    # Dev mode is slower (asyncio's debug mode records a stack for every task and callback).
    timeout = example.timeout * (DEV_SLOWDOWN if dev else 1)
    if method:
        env.update(PYTHONPATH=str(START_METHOD_SITE), EXAMPLE_START_METHOD=method)
    command = [python, *(["-X", "dev", "-W", "error"] if dev else []), example.name]
    if sigint_ignored:
        command = [python, "-c", IGNORE_SIGINT, *command]
    with tempfile.TemporaryDirectory(prefix="example-") as folder:
        write_bundle(example, Path(folder))
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        process = subprocess.Popen(
            command,
            cwd=folder,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        timed_out = False
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate()
        finally:
            seconds = time.monotonic() - started
            left = reap_session(process.pid)
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime
    lines = [line.rstrip() for line in stdout.rstrip("\n").split("\n")] if stdout else []
    return Run(lines, stderr, process.returncode, seconds, timed_out, left, cpu)


def session_members(sid: int) -> list:
    import psutil

    members = []
    for p in psutil.process_iter():
        try:
            if os.getsid(p.pid) == sid and p.status() != psutil.STATUS_ZOMBIE:
                members.append(p)
        except (OSError, psutil.Error):
            pass
    return members


def reap_session(sid: int, grace: float = 5) -> list[str]:
    """Wait up to `grace` s for the session to empty; kill and list what is still there."""
    deadline = time.monotonic() + grace
    while (left := session_members(sid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    names = []
    for p in left:
        try:
            names.append(" ".join(p.cmdline()))
            p.kill()
        except Exception:  # noqa: BLE001 - it may be gone already
            pass
    return names


# ---------------------------------------------------------------------------------------------
# Records: one real run per example, shown on the pages


def load_records() -> dict[str, dict]:
    return json.loads(RECORDS.read_text()) if RECORDS.exists() else {}


def record_problems(example: Example, records: dict[str, dict]) -> list[str]:
    record = records.get(example.name)
    if record is None:
        return [f"{example.name} has no recorded run: `make update-output`"]
    if record["digest"] != example.digest():
        return [f"{example.name} changed since it was recorded: `make update-output`"]
    return compare(example.expected, record["stdout"])


def python_version(python: str) -> str:
    """The full version of an interpreter ("3.13.0")."""
    return subprocess.run(
        [python, "-c", "import platform; print(platform.python_version())"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout.strip()


def make_record(example: Example, result: Run, version: str, method: str | None) -> dict:
    return {
        "digest": example.digest(),
        "python": version,
        "start_method": method,
        "date": datetime.date.today().isoformat(),
        "stdout": result.stdout,
    }


def save_records(records: dict[str, dict]) -> None:
    RECORDS.write_text(
        json.dumps(dict(sorted(records.items())), indent=1, ensure_ascii=False) + "\n"
    )


# ---------------------------------------------------------------------------------------------
# Benchmark results (docs/benchmarks/results.json, written by examples/benchmark.py)


def bench_results() -> dict:
    return json.loads(BENCH_RESULTS.read_text())


def _seconds(value: float) -> str:
    """Seconds as a reader compares them: '2.9 s', '0.38 s', '7.1 ms', '0.4 ms'."""
    if value >= 1:
        return f"{value:.1f} s"
    if value >= 0.1:
        return f"{value:.2f} s"
    return f"{value * 1000:.1f} ms" if value < 0.01 else f"{value * 1000:.0f} ms"


def bench_figure(report: dict, kind: str, *args: str) -> str:
    """One figure of the published benchmark, for `[[bench:KIND:ARGS]]` in a page:

    - `speedup:ENGINE:WORKLOAD`: median of the per-round speedups over sequential ('1.9×');
      `spread:ENGINE:WORKLOAD`: their min–max over the rounds ('1.7–2.0×');
    - `median:ENGINE:WORKLOAD`: median wall-clock seconds;
    - `overhead:ENGINE`: per-task cost of tasks that do nothing;
    - `startup:ENGINE`: median time from creating the pool/loop/client to the first task's result;
    - `waits:N`: median seconds for N concurrent asyncio waits of the latency ('0.118 s');
      `waits-ratio:N`: the same as a multiple of one latency ('1.18×');
    - `chunksize:ENGINE`: the `tiny` workload's speedup from Pool.map's default chunksize over
      chunksize 1, for that engine;
    - `machine`: where and when it ran. Anything else fails the build."""
    figures = {
        "speedup": lambda r: f"{_bench_row(r, *args)['speedup']:.1f}×",
        "spread": lambda r: "{speedup_min:.1f}–{speedup_max:.1f}×".format(**_bench_row(r, *args)),
        "median": lambda r: f"{_bench_row(r, *args)['median']:.2f} s",
        "overhead": lambda r: _micros(r["per_task_overhead_us"][args[0]]),
        "startup": lambda r: _seconds(r["startup_seconds"][args[0]]),
        "waits": lambda r: f"{_waits_row(r, *args)['median']:.3f} s",
        "waits-ratio": lambda r: f"{_waits_row(r, *args)['median'] / r['latency']:.2f}×",
        "chunksize": lambda r: f"{_chunksize_row(r, *args)['speedup']:,.0f}×",
        "machine": lambda r: "{cores} cores ({cpu}), CPython {python}, {day}".format(
            **r["machine"], day=r["machine"]["date"][:10]
        ),
    }
    if kind not in figures:
        raise ValueError(f"unknown benchmark figure [[bench:{kind}:{':'.join(args)}]]")
    return figures[kind](report)


def _bench_row(report: dict, engine: str, workload: str) -> dict:
    return next(r for r in report["results"] if r["engine"] == engine and r["workload"] == workload)


def _waits_row(report: dict, count: str) -> dict:
    return next(w for w in report["asyncio_waits"] if w["waits"] == int(count))


def _chunksize_row(report: dict, engine: str) -> dict:
    return next(
        r
        for r in report["chunksize"]
        if r["engine"] == engine and r["workload"] == "tiny" and r["chunksize"] > 1
    )


def _micros(value: float) -> str:
    return f"{value:,.1f} µs" if value < 10 else f"{value:,.0f} µs"


BENCH = re.compile(r"\[\[bench:([^\]]+)\]\]")


# ---------------------------------------------------------------------------------------------
# Commands: `python -m tests.support.examples format | requirements VERSION | record [--all] [NAME ...]`


OUTPUT_COMMENT = re.compile(r"(^|\s)#([>?])(?= |$)", re.M)


def format_problem(source: str, filename: str) -> str:
    """What `ruff format` would change in `source` ('' when formatted), reading `#>` / `#?`
    output comments as written (the formatter alone would make them `# >`)."""
    normal = OUTPUT_COMMENT.sub(r"\1# \2", source)
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--no-cache", f"--stdin-filename={filename}", "-"],
        cwd=ROOT,
        input=normal,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if result.returncode or result.stdout != normal:
        return result.stderr or f"{filename}: not formatted (run `make format`)"
    return ""


def format_examples() -> None:
    """ruff format, keeping the spec block's `#>` / `#?` lines as they are written."""
    paths = [str(p) for p in sorted(EXAMPLES_DIR.glob("*.py"))]
    subprocess.run(
        [sys.executable, "-m", "ruff", "format", "tests", "docs/hooks.py", *paths],
        cwd=ROOT,
        check=True,
    )
    for path in map(Path, paths):
        text = path.read_text(encoding="utf-8")
        fixed = re.sub(r"(^|\s)# ([>?])(?= |$)", r"\1#\2", text, flags=re.M)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")


def record_examples(names: list[str], everything: bool) -> int:
    """Run each example whose record is missing or stale (or all, or those named) once with the
    newest local CPython — alone on the machine for `timing` examples, four at a time for the
    others — and record its stdout when it matches every bound. Returns the number of failures."""
    from concurrent.futures import ThreadPoolExecutor

    version = max((v for v in pythons_data()["local"] if find_python(v)), key=version_key)
    python = find_python(version)
    full_version = python_version(python)
    records = load_records()
    todo = [
        e
        for e in all_examples()
        if not e.tested_by
        and (
            e.path.stem in names
            or e.name in names
            or (not names and (everything or record_problems(e, records)))
        )
    ]
    failed: list[str] = []
    fresh: dict[str, dict] = {}  # only these are written back, over the file as it is then

    def one(example: Example) -> None:
        method = RECORD_START_METHOD if example.processes else None
        result = run(example, python, method=method)
        problems = result.problems(example)
        if problems:
            failed.append(example.name)
            print(f"FAILED {example.name}:\n  " + "\n  ".join(problems), flush=True)
        else:
            fresh[example.name] = make_record(example, result, full_version, method)
            print(f"recorded {example.name} ({result.seconds:.1f} s)", flush=True)

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(one, [e for e in todo if not e.timing]))
    for example in (e for e in todo if e.timing):
        one(example)
    # Re-read the file: another `record` run may have saved its own records meanwhile.
    records = {**load_records(), **fresh}
    save_records({name: r for name, r in records.items() if (EXAMPLES_DIR / name).exists()})
    print(
        f"{len(todo) - len(failed)} recorded with CPython {version}, {len(failed)} failed: {failed}"
    )
    return len(failed)


if __name__ == "__main__":
    command, *rest = sys.argv[1:] or ["record"]
    if command == "format":
        format_examples()
    elif command == "requirements":  # examples/requirements.txt less what VERSION cannot install
        (version,) = rest
        missing = set(pythons_data()["versions"].get(version, {}).get("unavailable", {}))
        print("\n".join(r for d, r in pinned_requirements().items() if d not in missing))
    elif command == "record":
        sys.exit(1 if record_examples([a for a in rest if a != "--all"], "--all" in rest) else 0)
    else:
        sys.exit(
            f"unknown command {command!r}: format | requirements VERSION | record [--all] [NAME ...]"
        )
