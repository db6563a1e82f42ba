// The runner's Web Worker (started by runner.js on the first Run; explained in docs/browser.md).
// It loads Pyodide from this site, runs one program at a time and sends its output to the page
// in batches. It is a *module* worker: Pyodide 314 refuses classic workers.
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const PYODIDE_URL = new URL("../../pyodide/", import.meta.url).href;
const HEAD_CHARS = 100_000; // output characters sent per run; the rest is counted...
const TAIL_CHARS = 2_000; // ...except its end, sent when the run is over
const FLUSH_MS = 20; // at most ~50 output messages a second reach the page

const JSPI_HINT =
  "\nThis browser cannot suspend WebAssembly (no JSPI), so asyncio.run() cannot wait here:\n" +
  "replace `asyncio.run(main())` with `await main()` and press Run again.\n";

// The Python side: run the reader's code as __main__ and return a traceback (or "").
const RUNNER = `
import os, sys, traceback, types
from pyodide.code import eval_code_async

sys.path.insert(0, os.getcwd())  # helpers written beside the program import as in CPython

sys.stdout.reconfigure(line_buffering=True)  # stream line by line, as in a terminal
sys.stderr.reconfigure(line_buffering=True)

async def run_program(source, filename):
    main = types.ModuleType("__main__")
    main.__file__ = filename
    saved, sys.modules["__main__"] = sys.modules["__main__"], main
    try:
        await eval_code_async(source, main.__dict__, filename=filename)
    except SystemExit as exc:
        return "" if exc.code in (None, 0) else f"SystemExit: {exc.code}\\n"
    except BaseException as exc:
        tb = exc.__traceback__  # drop this runner's own frames, keep the program's
        while tb is not None and tb.tb_frame.f_code.co_filename != filename:
            tb = tb.tb_next
        return "".join(traceback.format_exception(type(exc), exc, tb))
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.modules["__main__"] = saved
    return ""
`;

let python = null; // {pyodide, runProgram} once loaded
let out = null; // output of the current run

async function start() {
  const pyodide = await loadPyodide({ indexURL: PYODIDE_URL, packageBaseUrl: PYODIDE_URL });
  for (const stream of ["stdout", "stderr"]) {
    const decoder = new TextDecoder();
    const writer = (bytes) => {
      write(stream, decoder.decode(bytes, { stream: true }));
      return bytes.length;
    };
    pyodide[stream === "stdout" ? "setStdout" : "setStderr"]({ write: writer });
  }
  pyodide.setStdin({ error: true }); // input() has no keyboard here: it raises at once
  pyodide.runPython(RUNNER);
  return { pyodide, runProgram: pyodide.globals.get("run_program") };
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

onmessage = async ({ data: { id, code, filename, urls } }) => {
  out = { id, sent: 0, full: false, pending: [], flushed: 0, timer: 0 };
  Object.assign(out, { omitted: 0, omittedChars: 0, tail: "" }); // what the limit left out
  let error = "";
  try {
    python ||= await start();
    postMessage({ type: "started", id });
    const started = performance.now();
    await writeHelpers(python.pyodide, urls);
    error = await python.runProgram(code, filename);
    if (error.includes("stack switching not supported")) error += JSPI_HINT;
    out.seconds = (performance.now() - started) / 1000;
  } catch (exc) {
    error = `The runner failed: ${exc}\n`;
  }
  flush();
  // Past the limit, only the last whole lines are shown, after a count of the lines left out.
  const tail = out.omittedChars > TAIL_CHARS ? out.tail.slice(out.tail.indexOf("\n") + 1) : out.tail;
  const omitted = out.omitted - newlines(tail);
  postMessage({ type: "done", id, error, seconds: out.seconds, omitted, tail });
  out = null;
};
