// The SPARQL editor of the kg serve page: CodeMirror 6 with the SPARQL mode, bundled by
// build.mjs into one script that sets window.KgEditor (no module loader, works offline).
import { basicSetup, EditorView } from "codemirror";
import { StreamLanguage } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";

// An editor in `parent` holding `text`; Ctrl-Enter (Cmd-Enter) calls `onRun`.
export function createEditor(parent, text, onRun) {
  const run = () => { onRun(); return true; };
  const view = new EditorView({
    doc: text,
    parent,
    extensions: [
      Prec.highest(keymap.of([{ key: "Mod-Enter", run }])),
      basicSetup,
      StreamLanguage.define(sparql),
      EditorView.lineWrapping,
    ],
  });
  return {
    get: () => view.state.doc.toString(),
    set: (value) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } }),
    focus: () => view.focus(),
  };
}
