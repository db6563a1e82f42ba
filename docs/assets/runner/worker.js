// The runner's Web Worker (started by runner.js when the reader shows intent to run; explained
// in docs/browser.md). It loads Pyodide from this site, runs one program at a time and sends its
// output to the page in batches. It is a *module* worker: Pyodide 314 refuses classic workers.
import { loadPyodide, version } from "../../pyodide/pyodide.mjs";

const PYODIDE_URL = new URL("../../pyodide/", import.meta.url).href;
const HEAD_CHARS = 100_000; // output characters sent per run; the rest is counted...
const TAIL_CHARS = 2_000; // ...except its end, sent when the run is over
const FLUSH_MS = 20; // at most ~50 output messages a second reach the page
const STOP_CHECK_MS = 50; // how often running Python asks whether the reader pressed Stop
const SIGINT = 2;

const JSPI_HINT =
  "\nThis browser cannot suspend WebAssembly (no JSPI), so asyncio.run() cannot wait here:\n" +
  "replace `asyncio.run(main())` with `await main()` and press Run again.\n";

// The Python side: run the reader's code as __main__ and return [traceback, hint] (or ["", ""]).
// The traceback keeps the program's frames and the standard library's, as CPython shows them,
// and drops Pyodide's own; the hint is one sentence for the failures a browser causes.
const RUNNER = `
import os, sys, traceback, types
from pyodide.code import eval_code_async

sys.path.insert(0, os.getcwd())  # helpers written beside the program import as in CPython

sys.stdout.reconfigure(line_buffering=True)  # stream line by line, as in a terminal
sys.stderr.reconfigure(line_buffering=True)

INTERNAL = ("/_pyodide/", "/pyodide/")

HINTS = {
    "threads": "A browser page cannot start threads, so this example runs with CPython only.",
    "processes": "A browser page cannot start processes, so this example runs with CPython only.",
    "subinterpreters": "Pyodide has no subinterpreters, so this example runs with CPython only.",
    "sockets": "A browser page cannot open sockets or listen on a port, so this example runs with CPython only.",
    "input": "input() has no keyboard to read from here: give the program its data in the code.",
    "packages": "The runner has only Python's standard library and this site's helpers: {name} is not available here.",
}

def hint_for(exc, frames):
    """(anchor, sentence) for a failure that comes from the browser, else None."""
    files = [frame.filename for frame in frames]
    message = str(exc)
    if isinstance(exc, ModuleNotFoundError):
        top = (exc.name or "").partition(".")[0]
        if top in ("_multiprocessing", "_posixshmem", "_posixsubprocess"):
            return "processes", HINTS["processes"]
        if top == "_interpreters":
            return "subinterpreters", HINTS["subinterpreters"]
        if top and top not in sys.stdlib_module_names and not os.path.exists(top + ".py"):
            return "packages", HINTS["packages"].format(name=top)
        return None
    if isinstance(exc, RuntimeError) and "can't start new thread" in message:
        return "threads", HINTS["threads"]
    if any("/multiprocessing/" in f or f.endswith("futures/process.py") for f in files):
        return "processes", HINTS["processes"]
    if isinstance(exc, ImportError) and "InterpreterPoolExecutor" in message:
        return "subinterpreters", HINTS["subinterpreters"]
    if isinstance(exc, OSError) and ("does not support processes" in message
                                     or any(f.endswith("/subprocess.py") for f in files)):
        return "processes", HINTS["processes"]
    if isinstance(exc, EOFError) and exc.__traceback__ is not None:
        return "input", HINTS["input"]
    if isinstance(exc, TimeoutError):  # an OSError too, but a deadline of the program's own
        return None
    lines = " ".join(frame.line or "" for frame in frames)
    words = ("socket", "server", "connect", "listen", "bind", "accept")
    if isinstance(exc, (OSError, NotImplementedError)) and (
        any(f.endswith("/socket.py") or "/asyncio/" in f or f.endswith("webloop.py") for f in files)
        or any(word in lines for word in words)
        or getattr(exc, "errno", None) == 138  # ENOTSUP: what Emscripten's sockets answer
    ):
        return "sockets", HINTS["sockets"]
    return None

async def run_program(source, filename):
    main = types.ModuleType("__main__")
    main.__file__ = filename
    saved, sys.modules["__main__"] = sys.modules["__main__"], main
    try:
        await eval_code_async(source, main.__dict__, filename=filename)
    except SystemExit as exc:
        return ["" if exc.code in (None, 0) else f"SystemExit: {exc.code}\\n", "", ""]
    except BaseException as exc:
        tb = exc.__traceback__  # drop this runner's own frames, keep the program's
        while tb is not None and tb.tb_frame.f_code.co_filename != filename:
            tb = tb.tb_next
        exc.__traceback__ = tb
        shown = traceback.TracebackException(type(exc), exc, tb)
        frames = list(shown.stack)
        shown.stack = traceback.StackSummary.from_list(
            [f for f in frames if not any(part in f.filename for part in INTERNAL)]
        )
        hint = hint_for(exc, frames)
        return ["".join(shown.format()), *(hint or ("", ""))]
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.modules["__main__"] = saved
    return ["", "", ""]
`;

let python = null; // {pyodide, runProgram} once loaded
let out = null; // output of the current run
let stopSignal = null; // how the page says Stop: a SharedArrayBuffer or a blob: URL it revokes

// Running Python reads this "interrupt buffer" every 50 evaluation-loop checks (CPython's
// Emscripten signal support). With shared memory (cross-origin isolated pages) the page writes
// SIGINT into it; without, every STOP_CHECK_MS a synchronous request for a blob: URL the page
// made for this run tells whether the page revoked it, which is how Stop reaches busy Python.
let lastCheck = 0;
let calls = 0;
const interrupt = {
  get 0() {
    if (!stopSignal) return 0;
    if (stopSignal instanceof Int32Array) return Atomics.exchange(stopSignal, 0, 0);
    if (++calls < 8) return 0; // the clock every 400 checks: cheap enough for tight loops
    calls = 0;
    const now = performance.now();
    if (now - lastCheck < STOP_CHECK_MS) return 0;
    lastCheck = now;
    try {
      const request = new XMLHttpRequest();
      request.open("GET", stopSignal, false);
      request.send();
      return 0;
    } catch {
      return SIGINT; // revoked: the reader pressed Stop (it is raised again until Python ends)
    }
  },
  set 0(value) {},
};

async function start(id) {
  await download(id);
  const pyodide = await loadPyodide({ indexURL: PYODIDE_URL, packageBaseUrl: PYODIDE_URL });
  for (const stream of ["stdout", "stderr"]) {
    const decoder = new TextDecoder();
    const writer = (bytes) => {
      write(stream, decoder.decode(bytes, { stream: true }));
      return bytes.length;
    };
    pyodide[stream === "stdout" ? "setStdout" : "setStderr"]({ write: writer });
  }
  pyodide.setStdin({ stdin: () => null }); // input() has no keyboard here: EOFError at once
  pyodide.setInterruptBuffer(interrupt);
  pyodide.runPython(RUNNER);
  postMessage({ type: "loaded", id });
  return { pyodide, runProgram: pyodide.globals.get("run_program") };
}

// The two big files, downloaded first so that the page can show their size and progress, and
// kept in Cache Storage (named after the Pyodide version), so that the other pages and later
// visits start from there: the HTTP cache does not keep files this big everywhere (Chromium's
// in-memory cache of private windows does not). Pyodide then reads them through `fetch`, which
// this worker answers from memory for these two URLs.
const BIG_FILES = ["pyodide.asm.wasm", "python_stdlib.zip"].map((name) => PYODIDE_URL + name);
const ready = new Map(); // URL -> Response (from the cache or from memory), for Pyodide's own fetch
const nativeFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const response = ready.get(url);
  ready.delete(url); // read once: Pyodide fetches each file once per worker
  return response ? Promise.resolve(response) : nativeFetch(input, init);
};

async function openCache() {
  if (!globalThis.caches) return null;
  try {
    const name = `pyodide-${version}-pyc`; // "-pyc": the standard library with bytecode (precompile.mjs)
    for (const old of await caches.keys()) if (old.startsWith("pyodide-") && old !== name) await caches.delete(old);
    return await caches.open(name);
  } catch {
    return null; // storage refused (e.g. some private modes): the network alone
  }
}

async function download(id) {
  const cache = await openCache();
  const missing = [];
  for (const url of BIG_FILES) {
    const cached = await cache?.match(url);
    if (cached) ready.set(url, cached);
    else missing.push(url);
  }
  if (!missing.length) {
    postMessage({ type: "progress", id, received: 0, total: 0, done: true }); // all cached
    return;
  }
  const responses = await Promise.all(missing.map((url) => nativeFetch(url)));
  const sizes = responses.map((r) => (r.headers.get("content-encoding") ? 0 : +r.headers.get("content-length") || 0));
  const total = sizes.every(Boolean) ? sizes.reduce((a, b) => a + b) : 0;
  let received = 0;
  let reported = 0;
  // Both files whole before Python starts: starting Python keeps this thread busy for a while,
  // and a download still streaming then would reach the cache only after the first Run (and not
  // at all if the reader left the page meanwhile). As a Blob, a file goes to the cache in one
  // piece, without this thread; Pyodide reads it from memory (the wasm compiles in ~0.15 s here).
  await Promise.all(
    responses.map(async (response, index) => {
      if (!response.ok) return; // Pyodide's own fetch reports the failure
      const chunks = [];
      const reader = response.body.getReader();
      for (let part = await reader.read(); !part.done; part = await reader.read()) {
        chunks.push(part.value);
        received += part.value.length;
        if (performance.now() - reported > 100) {
          reported = performance.now();
          postMessage({ type: "progress", id, received, total });
        }
      }
      const body = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
      chunks.reduce((offset, chunk) => (body.set(chunk, offset), offset + chunk.length), 0);
      const headers = { "Content-Type": response.headers.get("content-type") || "application/octet-stream" };
      ready.set(missing[index], new Response(body, { headers }));
      cache?.put(missing[index], new Response(new Blob([body]), { headers })).catch(() => {});
    }),
  );
  postMessage({ type: "progress", id, received, total, done: true });
}

function write(stream, text) {
  if (!out) return;
  if (!out.full) {
    let head = text;
    if (out.sent + text.length > HEAD_CHARS) {
      out.full = true;
      head = text.slice(0, HEAD_CHARS - out.sent);
      head = head.slice(0, head.lastIndexOf("\n") + 1); // whole lines only
    }
    const last = out.pending.at(-1);
    if (last && last[0] === stream) last[1] += head;
    else if (head) out.pending.push([stream, head]);
    out.sent += head.length;
    text = text.slice(head.length);
  }
  if (text) {
    out.omitted += newlines(text);
    out.omittedChars += text.length;
    out.tail = (out.tail + text).slice(-TAIL_CHARS);
  }
  if (performance.now() - out.flushed >= FLUSH_MS) flush();
  else out.timer ||= setTimeout(flush, FLUSH_MS); // fires when Python next yields
}

function newlines(text) {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

function flush() {
  clearTimeout(out.timer);
  out.timer = 0;
  out.flushed = performance.now();
  if (out.pending.length) postMessage({ type: "output", id: out.id, chunks: out.pending });
  out.pending = [];
}

const written = new Set(); // helper files already in Pyodide's file system

// A program's helpers (e.g. workloads.py) go beside it, in the working folder, as when a reader
// saves them next to the downloaded program: the same files, fetched from this site.
async function writeHelpers(pyodide, urls) {
  for (const url of urls) {
    if (written.has(url)) continue;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    pyodide.FS.writeFile(url.split("/").pop(), await response.text());
    written.add(url);
  }
}

// The page names a Web Lock this worker holds for its whole life: a new worker runs no program
// before the lock is free, that is before the worker it replaces is really gone.
let locked = null;
function holdLock(name) {
  if (!name || !navigator.locks) return Promise.resolve();
  locked ||= new Promise((resolve) => {
    navigator.locks.request(name, () => {
      resolve();
      return new Promise(() => {}); // held until this worker ends
    });
  });
  return locked;
}

let loading = null;

onmessage = async ({ data }) => {
  if (data.type === "load") {
    // intent (pointer over or focus on Run): download and start Python, run nothing
    loading ||= start(data.id);
    loading.then((loaded) => (python = loaded)).catch(() => {});
    return;
  }
  const { id, code, filename, urls, stop, lock } = data;
  out = { id, sent: 0, full: false, pending: [], flushed: 0, timer: 0 };
  Object.assign(out, { omitted: 0, omittedChars: 0, tail: "" }); // what the limit left out
  let error = "";
  let hint = ["", ""];
  try {
    loading ||= start(id);
    python ||= await loading;
    await holdLock(lock);
    stopSignal = globalThis.SharedArrayBuffer && stop instanceof SharedArrayBuffer ? new Int32Array(stop) : stop;
    postMessage({ type: "started", id });
    const started = performance.now();
    await writeHelpers(python.pyodide, urls);
    const result = await python.runProgram(code, filename);
    [error, ...hint] = result.toJs();
    result.destroy();
    if (error.includes("stack switching not supported")) error += JSPI_HINT;
    out.seconds = (performance.now() - started) / 1000;
  } catch (exc) {
    error = `The runner failed: ${exc}\n`;
  } finally {
    stopSignal = null;
  }
  flush();
  // Past the limit, only the last whole lines are shown, after a count of the lines left out.
  const tail = out.omittedChars > TAIL_CHARS ? out.tail.slice(out.tail.indexOf("\n") + 1) : out.tail;
  const omitted = out.omitted - newlines(tail);
  postMessage({ type: "done", id, error, hint, seconds: out.seconds, omitted, tail });
  out = null;
};
