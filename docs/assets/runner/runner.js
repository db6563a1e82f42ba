// Run / Stop / Reset for the examples marked `browser` (docs/hooks.py gives their code block the
// class `runnable`; docs/browser.md explains the runner to readers).
// Nothing of Pyodide is downloaded before the reader shows intent to run: pointer over or focus
// on a Run button starts worker.js, which downloads Pyodide from this site and starts it.
// All examples of a page (and of the pages reached by instant navigation) share that one worker,
// and one program runs at a time.
// Stop has to end Python even when it computes without pause. Running Python polls an
// "interrupt buffer" (worker.js): a SharedArrayBuffer where the page is cross-origin isolated,
// else a blob: URL made for the run, which Stop revokes. Stop also terminates the worker (it
// ends as soon as Python unwinds); the next Run starts a fresh one, which runs nothing before a
// Web Lock held by the old one is free, so runs never overlap.

const WORKER_URL = new URL("worker.js", import.meta.url);
const EDITOR_URL = new URL("editor.js", import.meta.url); // built by docs/hooks.py from editor.src.js
const LOCK = `python-runner-${Math.random().toString(36).slice(2)}`; // this page view's workers

let worker = null; // the page's one worker, created on intent, shared by every example
let loaded = false; // its Python is ready: runs start at once
let downloaded = false; // Pyodide's big files are in this worker or the cache
let running = null; // { runner, id, stop } of the program in progress, at most one
let lastId = 0;

function getWorker() {
  if (!worker) {
    loaded = false;
    worker = new Worker(WORKER_URL, { type: "module" });
    worker.onmessage = ({ data }) => {
      if (data.type === "loaded") loaded = true;
      if (data.type === "progress") {
        downloaded ||= Boolean(data.done);
        running?.runner.progress(data);
      }
      if (running?.id === data.id) running.runner.receive(data);
    };
    worker.onerror = (event) => {
      running?.runner.finish(`The runner could not start Python: ${event.message || "error"}.`);
      running = null;
      worker = null;
    };
  }
  return worker;
}

let editorModule = null;
function loadEditor() {
  editorModule ||= import(EDITOR_URL);
  return editorModule;
}

// Intent: start downloading and starting Python, run nothing yet.
function warmUp() {
  if (worker) return;
  getWorker().postMessage({ type: "load", id: 0 });
}

// Ends the program in progress, whatever it is doing, and the worker running it.
function stopRunning(message) {
  if (!running) return;
  const { runner, stop } = running;
  running = null;
  if (globalThis.crossOriginIsolated && stop instanceof SharedArrayBuffer) Atomics.store(new Int32Array(stop), 0, 2);
  else URL.revokeObjectURL(stop);
  worker.terminate();
  worker = null;
  loaded = false;
  runner.finish(message);
}

function button(label, title, onClick, className = "md-button") {
  const element = document.createElement("button");
  element.type = "button";
  element.className = className;
  element.textContent = label;
  // The accessible name starts with the visible label (WCAG 2.5.3); the title adds the detail.
  element.setAttribute("aria-label", title);
  element.title = title;
  element.addEventListener("click", onClick);
  return element;
}

class Runner {
  constructor(block) {
    this.block = block;
    this.downloads = block.dataset.downloads; // the site's examples/ folder, relative to the page
    this.code = block.querySelector("pre > code");
    this.name = block.querySelector(".filename")?.textContent || block.dataset.example;
    this.originalText = this.code.textContent;
    this.editor = null; // the CodeMirror editor (editor.js), loaded on the first focus or click
    // Until then the code is the page's own highlighted block, focusable like any control.
    this.code.tabIndex = 0;
    this.code.setAttribute("role", "textbox");
    this.code.setAttribute("aria-multiline", "true");
    this.code.setAttribute("aria-label", `Code of ${this.name}, editable; Ctrl+Enter runs it`);
    this.code.addEventListener("focus", () => this.openEditor());
    this.code.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.run();
      }
    });

    const bar = document.createElement("div");
    bar.className = "runner-bar";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", `Run ${this.name} in your browser`);
    this.runButton = button("Run", `Run ${this.name} in your browser (Ctrl+Enter)`,
      () => this.run(), "md-button md-button--primary runner-run");
    // Intent to run: start the download now, so that Python is (nearly) ready on click.
    this.runButton.addEventListener("pointerenter", warmUp);
    this.runButton.addEventListener("focus", warmUp);
    this.stopButton = button("Stop", `Stop ${this.name}`, () => {
      this.stop();
      warmUp(); // a fresh Python for the next Run, started while the reader reads
    });
    this.stopButton.classList.add("runner-stop");
    this.stopButton.disabled = true;
    this.resetButton = button("Reset", `Reset: restore the code of ${this.name} and clear its output`,
      () => this.reset());
    this.resetButton.classList.add("runner-reset");
    this.edited = document.createElement("span");
    this.edited.className = "runner-edited";
    this.edited.textContent = "edited";
    this.edited.hidden = true;
    this.status = document.createElement("span");
    this.status.className = "runner-status";
    this.status.setAttribute("role", "status"); // announced politely by screen readers
    this.status.setAttribute("aria-live", "polite");
    this.meter = document.createElement("progress");
    this.meter.className = "runner-progress";
    this.meter.max = 1;
    this.meter.hidden = true;
    this.meter.setAttribute("aria-label", "Python download");
    this.size = document.createElement("span");
    this.size.className = "runner-size";
    this.size.setAttribute("aria-hidden", "true");
    this.size.hidden = true;
    bar.append(this.runButton, this.stopButton, this.resetButton, this.edited, this.status,
      this.meter, this.size);

    this.output = document.createElement("pre");
    this.output.className = "runner-output";
    this.output.setAttribute("role", "log");
    this.output.setAttribute("aria-live", "polite");
    this.output.setAttribute("aria-label", `Output of ${this.name}`);
    this.output.tabIndex = 0; // scrollable by keyboard
    this.output.hidden = true;
    block.after(bar, this.output);
  }

  source() {
    return this.editor ? this.editor.text() : this.originalText;
  }

  markEdited() {
    this.edited.hidden = this.source() === this.originalText;
  }

  // The static block gives way to the editor, with the same code, and focus moves into it.
  async openEditor() {
    if (this.editor || this.opening) return;
    this.opening = true;
    try {
      const { createEditor } = await loadEditor();
      const parent = document.createElement("div");
      parent.className = "runner-editor";
      this.code.parentElement.after(parent);
      this.editor = createEditor({
        parent,
        doc: this.originalText,
        label: `Code of ${this.name}, editable; Ctrl+Enter runs it, Escape leaves`,
        onRun: () => this.run(),
        onChange: () => this.markEdited(),
        onEscape: () => this.runButton.focus(),
      });
      this.code.parentElement.hidden = true;
      if (this.block.contains(document.activeElement) || document.activeElement === document.body) {
        this.editor.focus();
      }
    } catch (error) {
      this.status.textContent = `The editor could not load (${error.message}); Run runs the code as shown.`;
    } finally {
      this.opening = false;
    }
  }

  run() {
    const other = running && running.runner !== this ? running.runner : null;
    stopRunning("Stopped.");
    if (other) other.status.textContent = `Stopped: ${this.name} started (the examples on this page share one Python and run one at a time).`;
    this.output.replaceChildren();
    this.output.hidden = false;
    const stop = globalThis.crossOriginIsolated
      ? new SharedArrayBuffer(4)
      : URL.createObjectURL(new Blob(["run"]));
    running = { runner: this, id: ++lastId, stop };
    this.setRunning(true, loaded ? "Running…" : downloaded ? "Starting Python…"
      : "Downloading Python (once: your browser keeps it)…");
    // The helpers it imports (workloads.py...) are the site's own downloads, examples/NAME.py.
    const helpers = (this.block.dataset.helpers || "").split(" ").filter(Boolean);
    const urls = helpers.map((name) => new URL(`${this.downloads}${name}`, location.href).href);
    const message = { type: "run", id: running.id, code: this.source(), filename: this.name,
      urls, stop, lock: LOCK };
    getWorker().postMessage(message);
  }

  stop(message = "Stopped.") {
    if (running?.runner === this) stopRunning(message);
  }

  reset() {
    this.stop();
    this.editor?.setText(this.originalText);
    this.markEdited();
    this.output.replaceChildren();
    this.output.hidden = true;
    this.status.textContent = "";
  }

  // The first download: a bar and "3.2 / 13.4 MB" beside it (not announced at every step: the
  // status line said the size once).
  progress({ received, total, done }) {
    this.meter.hidden = this.size.hidden = Boolean(done);
    if (done) {
      this.status.textContent = "Starting Python…";
      return;
    }
    if (total) this.meter.value = received / total;
    else this.meter.removeAttribute("value");
    const of = total ? ` / ${(total / 1e6).toFixed(1)}` : "";
    this.size.textContent = `${(received / 1e6).toFixed(1)}${of} MB`;
    this.meter.setAttribute("aria-valuetext", this.size.textContent);
  }

  receive(message) {
    if (message.type === "started") {
      this.meter.hidden = this.size.hidden = true;
      this.status.textContent = "Running…";
    }
    if (message.type === "output") {
      for (const [stream, text] of message.chunks) this.append(text, stream);
    }
    if (message.type === "done") {
      if (message.omitted) {
        const lines = message.omitted.toLocaleString("en");
        const newline = this.output.textContent.endsWith("\n") ? "" : "\n";
        this.append(`${newline}… ${lines} more lines not shown …\n`, "omitted");
      }
      if (message.tail) this.append(message.tail, "stdout");
      if (message.error) this.append(message.error, "stderr");
      const [anchor, sentence] = message.hint || [];
      if (sentence) this.addHint(anchor, sentence);
      running = null;
      this.finish(message.error ? "Failed: see the error below the output." : `Finished in ${message.seconds.toFixed(2)} s.`);
    }
  }

  addHint(anchor, sentence) {
    const hint = document.createElement("span");
    hint.className = "runner-hint";
    const link = document.createElement("a");
    link.href = new URL(`${this.downloads}../browser/#${anchor}`, location.href).href;
    link.textContent = "Why?";
    hint.append(`${sentence} `, link, "\n");
    this.output.append(hint);
  }

  append(text, kind) {
    const last = this.output.lastElementChild;
    if (last?.dataset.kind === kind) {
      last.firstChild.appendData(text);
      return;
    }
    const span = document.createElement("span");
    span.className = `runner-${kind}`;
    span.dataset.kind = kind;
    span.append(text);
    this.output.append(span);
  }

  finish(message) {
    this.meter.hidden = this.size.hidden = true;
    this.setRunning(false, message);
  }

  setRunning(isRunning, message) {
    const hadFocus = document.activeElement === this.stopButton;
    this.runButton.disabled = isRunning;
    this.stopButton.disabled = !isRunning;
    this.status.textContent = message;
    this.output.setAttribute("aria-busy", String(isRunning));
    if (isRunning && document.activeElement === this.runButton) this.stopButton.focus();
    if (!isRunning && hadFocus) this.runButton.focus();
  }
}

function setUp() {
  // A page swapped in by instant navigation: the program of the page left behind stops (its
  // output panel is gone); an idle Python stays loaded for the examples of this page.
  if (running && !running.runner.block.isConnected) stopRunning("Stopped: you left the page.");
  for (const block of document.querySelectorAll("div.runnable")) {
    block.runner ||= new Runner(block);
  }
}

// Leaving, closing or hiding the page stops the program as Stop does.
const leave = () => stopRunning("Stopped: you left the page.");
addEventListener("pagehide", leave);
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") stopRunning("Stopped: the page was hidden.");
});

// Material's instant navigation swaps pages without reloading scripts: it announces the URL it
// goes to on `location$` (before the swap) and each new page on `document$`. Without it (or
// before it exists), the page is already parsed: modules run late.
if (window.location$) {
  let current = location.href;
  window.location$.subscribe((url) => {
    const next = String(url);
    if (running && next.split("#")[0] !== current.split("#")[0]) leave();
    current = next;
  });
}
if (window.document$) window.document$.subscribe(setUp);
else setUp();
