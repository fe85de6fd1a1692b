import type { Editor } from "@tiptap/core";
import { keymap } from "@tiptap/pm/keymap";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorState, NodeSelection, type Transaction } from "@tiptap/pm/state";
import { StepMap } from "@tiptap/pm/transform";
import { EditorView, type NodeView } from "@tiptap/pm/view";
import { Footnote } from "#app/common/chapter-schema.ts";

/**
 * A footnote in the editor: a superscript number (CSS counters, so numbers follow position) that
 * opens a small nested editor for the note's text when selected. The nested editor's steps are
 * mapped into the main document, so the note's text goes through Yjs like any other text
 * (ProseMirror's footnote example; see docs/decisions/007-footnotes.md).
 */
class FootnoteView implements NodeView {
  dom: HTMLElement;
  private inner: EditorView | null = null;

  constructor(
    private node: ProseMirrorNode,
    private readonly editor: Editor,
    private readonly getPos: () => number | undefined,
    private readonly label: string,
  ) {
    this.dom = document.createElement("span");
    this.dom.className = "footnote";
    this.dom.setAttribute("data-footnote", "");
    // DPUB-ARIA: a reference to a note (the number itself comes from CSS counters).
    this.dom.setAttribute("role", "doc-noteref");
    this.dom.setAttribute("aria-label", label);
    this.dom.title = node.textContent;
  }

  selectNode() {
    this.dom.classList.add("ProseMirror-selectednode");
    if (!this.inner) this.open();
  }

  deselectNode() {
    this.dom.classList.remove("ProseMirror-selectednode");
    if (this.inner) this.close();
  }

  private open() {
    const popup = this.dom.appendChild(document.createElement("span"));
    popup.className = "footnote-popup";
    const outer = this.editor;
    this.inner = new EditorView(popup, {
      state: EditorState.create({
        doc: this.node,
        plugins: [
          keymap({
            "Mod-z": () => outer.commands.undo(),
            "Mod-y": () => outer.commands.redo(),
            "Shift-Mod-z": () => outer.commands.redo(),
            // Enter or Escape returns to the main text, just after the note.
            Enter: () => this.leave(),
            Escape: () => this.leave(),
          }),
        ],
      }),
      editable: () => outer.isEditable,
      attributes: { "aria-label": this.label, role: "textbox" },
      dispatchTransaction: (tr) => this.dispatchInner(tr),
      handleDOMEvents: {
        mousedown: () => {
          // Clicking inside the note while the main editor has focus moves focus into the note.
          if (outer.view.hasFocus()) this.inner?.focus();
          return false;
        },
      },
    });
    // A note just inserted is empty: start typing in it at once.
    if (this.node.content.size === 0 && outer.isEditable) requestAnimationFrame(() => this.inner?.focus());
  }

  private leave(): boolean {
    const pos = this.getPos();
    if (pos === undefined) return false;
    this.editor.chain().focus().setTextSelection(pos + this.node.nodeSize).run();
    return true;
  }

  private close() {
    this.inner?.destroy();
    this.inner = null;
    this.dom.textContent = "";
  }

  private dispatchInner(tr: Transaction) {
    if (!this.inner) return;
    const { state, transactions } = this.inner.state.applyTransaction(tr);
    this.inner.updateState(state);
    if (tr.getMeta("fromOutside")) return;
    const pos = this.getPos();
    if (pos === undefined) return;
    const outerTr = this.editor.view.state.tr;
    const offset = StepMap.offset(pos + 1);
    for (const transaction of transactions) {
      for (const step of transaction.steps) {
        const mapped = step.map(offset);
        if (mapped) outerTr.step(mapped);
      }
    }
    if (outerTr.docChanged) {
      // Keep the note selected so its editor stays open while typing.
      outerTr.setSelection(NodeSelection.create(outerTr.doc, pos));
      this.editor.view.dispatch(outerTr);
    }
  }

  update(node: ProseMirrorNode) {
    if (!node.sameMarkup(this.node)) return false;
    this.node = node;
    this.dom.title = node.textContent;
    if (this.inner) {
      // Someone else (or undo) changed the note: bring the nested editor up to date.
      const state = this.inner.state;
      const start = node.content.findDiffStart(state.doc.content);
      if (start != null) {
        let { a: endA, b: endB } = node.content.findDiffEnd(state.doc.content) ?? { a: 0, b: 0 };
        const overlap = start - Math.min(endA, endB);
        if (overlap > 0) {
          endA += overlap;
          endB += overlap;
        }
        this.inner.dispatch(state.tr.replace(start, endB, node.slice(start, endA)).setMeta("fromOutside", true));
      }
    }
    return true;
  }

  destroy() {
    if (this.inner) this.close();
  }

  stopEvent(event: Event) {
    return Boolean(this.inner && event.target instanceof Node && this.inner.dom.contains(event.target));
  }

  ignoreMutation() {
    return true;
  }
}

/** The footnote node with its editing view and a shortcut (Mod-Alt-F) to insert one. */
export function footnoteEditing(label: string) {
  return Footnote.extend({
    addNodeView() {
      return ({ node, editor, getPos }) => new FootnoteView(node, editor, getPos, label);
    },
    addKeyboardShortcuts() {
      return { "Mod-Alt-f": () => insertFootnote(this.editor) };
    },
  });
}

/** Inserts an empty footnote at the cursor and opens it for typing. */
export function insertFootnote(editor: Editor): boolean {
  const { from } = editor.state.selection;
  return editor.chain().focus().insertContent({ type: "footnote" }).setNodeSelection(from).run();
}
