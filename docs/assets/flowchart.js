// Renders ```flowchart fences (Mermaid syntax) with the site's own copy of Mermaid.
// Mermaid (3.5 MB) is fetched only on pages that have a flowchart; Material's built-in Mermaid
// support is not used because it would fetch Mermaid from a CDN.
const mermaidUrl = new URL("vendor/mermaid.min.js", document.currentScript.src).href;
let mermaidReady = null;

function loadMermaid() {
  mermaidReady ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = mermaidUrl;
    script.onload = () => resolve(window.mermaid);
    script.onerror = reject;
    document.head.appendChild(script);
  });
  return mermaidReady;
}

async function renderFlowcharts() {
  const charts = document.querySelectorAll("div.flowchart:not([data-rendered])");
  if (charts.length === 0) return;
  const mermaid = await loadMermaid();
  const dark = document.body.getAttribute("data-md-color-scheme") === "slate";
  mermaid.initialize({ startOnLoad: false, theme: dark ? "dark" : "default", securityLevel: "strict" });
  for (const [index, chart] of charts.entries()) {
    chart.dataset.source ??= chart.textContent;
    const { svg } = await mermaid.render(`flowchart-${index}-${Date.now()}`, chart.dataset.source);
    chart.innerHTML = svg;
    chart.dataset.rendered = "";
  }
}

// Material's instant navigation swaps pages without reloading: document$ fires on every page.
if (window.document$) window.document$.subscribe(renderFlowcharts);
else document.addEventListener("DOMContentLoaded", renderFlowcharts);
