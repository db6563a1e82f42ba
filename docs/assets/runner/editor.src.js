// The runner's code editor: CodeMirror 6 with Python highlighting in Material's code colours.
// docs/hooks.py bundles this file with esbuild into assets/runner/editor.js (one minified file,
// built at build time, not committed); runner.js imports it only when the reader first focuses
// or clicks an example's code, so a page view without editing never downloads it.
import { defaultKeymap, history, historyKeymap, indentLess, indentMore } from "@codemirror/commands";
import { pythonLanguage } from "@codemirror/lang-python";
import { HighlightStyle, indentUnit, LanguageSupport, syntaxHighlighting } from "@codemirror/language";
import { EditorState, Prec } from "@codemirror/state";
import { drawSelection, EditorView, keymap, lineNumbers } from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

// Material's own variables, so that both colour schemes (default and slate) apply as they do to
// the static code blocks.
const hl = (name) => `var(--md-code-hl-${name}-color)`;
const materialHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword, t.definitionKeyword], color: hl("keyword") },
  { tag: [t.string, t.special(t.string), t.regexp], color: hl("string") },
  { tag: [t.number, t.integer, t.float], color: hl("number") },
  { tag: [t.bool, t.null, t.atom, t.self], color: hl("constant") },
  { tag: [t.comment, t.lineComment, t.blockComment], color: hl("comment") },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))], color: hl("function") },
  { tag: [t.className, t.definition(t.className)], color: hl("function") },
  { tag: [t.operator, t.compareOperator, t.arithmeticOperator, t.logicOperator, t.bitwiseOperator, t.updateOperator], color: hl("operator") },
  { tag: [t.punctuation, t.paren, t.bracket, t.brace, t.separator], color: hl("punctuation") },
  { tag: [t.variableName, t.propertyName], color: hl("name") },
  { tag: [t.meta, t.annotation, t.docString], color: hl("special") },
]);

const theme = EditorView.theme({
  "&": {
    color: "var(--md-code-fg-color)",
    backgroundColor: "var(--md-code-bg-color)",
    fontSize: "0.85em",
  },
  "&.cm-focused": { outline: "0.1rem solid var(--md-accent-fg-color)" },
  ".cm-content": {
    fontFamily: "var(--md-code-font-family)",
    caretColor: "var(--md-code-fg-color)",
    padding: "0.77em 0",
  },
  ".cm-scroller": { fontFamily: "var(--md-code-font-family)", lineHeight: "1.4" },
  ".cm-cursor": { borderLeftColor: "var(--md-code-fg-color)" },
  ".cm-gutters": {
    backgroundColor: "var(--md-code-bg-color)",
    color: "var(--md-default-fg-color--light)",
    border: "none",
  },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--md-accent-fg-color--transparent)",
  },
});

// parent: where the editor goes; doc: the code; onRun: Ctrl/Cmd+Enter; onChange(text);
// onEscape: Esc leaves the editor (the caller moves focus on); label: its accessible name.
export function createEditor({ parent, doc, onRun, onChange, onEscape, label }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        indentUnit.of("    "),
        new LanguageSupport(pythonLanguage), // no completion: a smaller bundle
        syntaxHighlighting(materialHighlight),
        theme,
        Prec.highest(
          keymap.of([
            { key: "Mod-Enter", run: () => (onRun(), true) },
            { key: "Tab", run: indentMore, shift: indentLess },
            { key: "Escape", run: () => (onEscape(), true) },
          ]),
        ),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ "aria-label": label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
  };
}
