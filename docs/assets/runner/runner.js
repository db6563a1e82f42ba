// Run / Stop / Reset for the examples marked `browser` (docs/hooks.py gives their code block the
// class `runnable`; docs/browser.md explains the runner to readers).
// Nothing is downloaded until the reader first presses Run: then worker.js starts and loads
// Pyodide from this site. Stop terminates the worker, the one way to stop Python code that never
// yields without SharedArrayBuffer (which needs COOP/COEP headers GitHub Pages cannot send);
// the next Run starts a fresh worker.

const WORKER_URL = new URL("worker.js", import.meta.url);

let worker = null; // one worker for the whole site visit, created on the first Run
let running = null; // { runner, id } of the program in progress, at most one
let lastId = 0;

function getWorker() {
  if (!worker) {
    worker = new Worker(WORKER_URL, { type: "module" });
    worker.onmessage = ({ data }) => {
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

function button(label, title, onClick, className = "md-button") {
  const element = document.createElement("button");
  element.type = "button";
  element.className = className;
  element.textContent = label;
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
    this.original = this.code.innerHTML;
    // Edit in place: plain text only, so pasting never brings markup into the program.
    try {
      this.code.contentEditable = "plaintext-only";
    } catch {
      this.code.contentEditable = "true"; // browsers without plaintext-only
    }
    this.code.spellcheck = false;
    this.code.setAttribute("role", "textbox");
    this.code.setAttribute("aria-multiline", "true");
    this.code.setAttribute("aria-label", `Code of ${this.name}, editable; Ctrl+Enter runs it`);
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
    this.stopButton = button("Stop", `Stop ${this.name}`, () => this.stop("Stopped."));
    this.stopButton.classList.add("runner-stop");
    this.stopButton.disabled = true;
    this.resetButton = button("Reset", `Restore the code of ${this.name} and clear its output`,
      () => this.reset());
    this.resetButton.classList.add("runner-reset");
    this.status = document.createElement("span");
    this.status.className = "runner-status";
    this.status.setAttribute("role", "status"); // announced politely by screen readers
    bar.append(this.runButton, this.stopButton, this.resetButton, this.status);

    this.output = document.createElement("pre");
    this.output.className = "runner-output";
    this.output.setAttribute("role", "log");
    this.output.setAttribute("aria-label", `Output of ${this.name}`);
    this.output.tabIndex = 0; // scrollable by keyboard
    this.output.hidden = true;
    block.after(bar, this.output);
  }

  run() {
    if (running) running.runner.stop("Stopped: another run started.");
    this.output.replaceChildren();
    this.output.hidden = false;
    running = { runner: this, id: ++lastId };
    this.setRunning(true, worker ? "Running…" : "Starting Python…");
    // The helpers it imports (workloads.py...) are the site's own downloads, examples/NAME.py.
    const helpers = (this.block.dataset.helpers || "").split(" ").filter(Boolean);
    const urls = helpers.map((name) => new URL(`${this.downloads}${name}`, location.href).href);
    const message = { id: running.id, code: this.code.innerText, filename: this.name, urls };
    getWorker().postMessage(message);
  }

  stop(message) {
    if (running?.runner !== this) return;
    worker.terminate(); // immediate, whatever the program is doing
    worker = null;
    running = null;
    this.finish(message);
  }

  reset() {
    this.stop("Stopped.");
    this.code.innerHTML = this.original;
    this.output.replaceChildren();
    this.output.hidden = true;
    this.status.textContent = "";
  }

  receive(message) {
    if (message.type === "started") this.status.textContent = "Running…";
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
      running = null;
      this.finish(message.error ? "Failed: see the error above." : `Finished in ${message.seconds.toFixed(2)} s.`);
    }
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
  for (const block of document.querySelectorAll("div.runnable")) {
    block.runner ||= new Runner(block);
  }
}

// Material's instant navigation swaps pages without reloading scripts: it announces each page
// on `document$`. Without it (or before it exists), the page is already parsed: modules run late.
if (window.document$) window.document$.subscribe(setUp);
else setUp();
