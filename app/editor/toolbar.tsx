import { useEditorState, type Editor } from "@tiptap/react";
import type { ReactNode } from "react";
import type { MessageKey, Translate } from "#app/common/i18n/catalogue.ts";
import { insertFootnote } from "./footnote-view.ts";

/** Shortcut labels as people read them on their platform. */
function keys(shortcut: string): string {
  const mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  return shortcut.replace("Mod", mac ? "⌘" : "Ctrl").replace("Alt", mac ? "⌥" : "Alt");
}

/** A small line icon (24×24 path) that inherits the button's colour; the button carries the name. */
function Icon({ path }: { path: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className="mx-auto">
      <path d={path} />
    </svg>
  );
}

type ButtonProps = {
  t: Translate;
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
};

function ToolbarButton({ t, label, shortcut, pressed, disabled, onClick, children }: ButtonProps) {
  return (
    <button
      type="button"
      className="editor-button"
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? t("editor.shortcut", { label, keys: keys(shortcut) }) : label}
      disabled={disabled}
      // Keep the selection in the text: a toolbar click must not move focus first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** The formatting toolbar: every button has a name, a pressed state where it toggles, and its shortcut in the title. */
export function Toolbar({
  editor,
  t,
  onLink,
  onImage,
  onToolCard,
  suggestionToggle,
  commentButton,
}: {
  editor: Editor;
  t: Translate;
  onLink: () => void;
  onImage: () => void;
  /** Opens the dialog that inserts a tool card (a toolbox instrument). */
  onToolCard: () => void;
  /** The "Voorstellen" switch (app/editor/suggestions/), last in the bar. */
  suggestionToggle?: ReactNode;
  /** The "Opmerking" button (app/editor/comments/), when this person may comment. */
  commentButton?: ReactNode;
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      strike: e.isActive("strike"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      h4: e.isActive("heading", { level: 4 }),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      blockquote: e.isActive("blockquote"),
      link: e.isActive("link"),
      table: e.isActive("table"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const heading = (level: 2 | 3 | 4, key: "h2" | "h3" | "h4") => (
    <ToolbarButton
      t={t}
      label={t("editor.heading", { level })}
      shortcut={`Mod-Alt-${level}`}
      pressed={state[key]}
      onClick={() => chain().toggleHeading({ level }).run()}
    >
      H{level}
    </ToolbarButton>
  );
  const tableAction = (key: MessageKey, run: () => boolean, symbol: string) => (
    <ToolbarButton t={t} label={t(key)} onClick={run}>
      {symbol}
    </ToolbarButton>
  );

  return (
    <div role="toolbar" aria-label={t("editor.toolbar")} className="editor-toolbar">
      <ToolbarButton t={t} label={t("editor.undo")} shortcut="Mod-Z" disabled={!state.canUndo} onClick={() => chain().undo().run()}>
        ↶
      </ToolbarButton>
      <ToolbarButton t={t} label={t("editor.redo")} shortcut="Shift-Mod-Z" disabled={!state.canRedo} onClick={() => chain().redo().run()}>
        ↷
      </ToolbarButton>
      <span className="editor-separator" aria-hidden="true" />
      <ToolbarButton t={t} label={t("editor.paragraph")} shortcut="Mod-Alt-0" onClick={() => chain().setParagraph().run()}>
        ¶
      </ToolbarButton>
      {heading(2, "h2")}
      {heading(3, "h3")}
      {heading(4, "h4")}
      <span className="editor-separator" aria-hidden="true" />
      <ToolbarButton t={t} label={t("editor.bold")} shortcut="Mod-B" pressed={state.bold} onClick={() => chain().toggleBold().run()}>
        <strong>B</strong>
      </ToolbarButton>
      <ToolbarButton t={t} label={t("editor.italic")} shortcut="Mod-I" pressed={state.italic} onClick={() => chain().toggleItalic().run()}>
        <em>I</em>
      </ToolbarButton>
      <ToolbarButton t={t} label={t("editor.strike")} shortcut="Mod-Shift-S" pressed={state.strike} onClick={() => chain().toggleStrike().run()}>
        <s>S</s>
      </ToolbarButton>
      <ToolbarButton t={t} label={t("editor.link")} shortcut="Mod-K" pressed={state.link} onClick={onLink}>
        <Icon path="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
      </ToolbarButton>
      <span className="editor-separator" aria-hidden="true" />
      <ToolbarButton t={t} label={t("editor.bulletList")} shortcut="Mod-Shift-8" pressed={state.bulletList} onClick={() => chain().toggleBulletList().run()}>
        •
      </ToolbarButton>
      <ToolbarButton t={t} label={t("editor.orderedList")} shortcut="Mod-Shift-7" pressed={state.orderedList} onClick={() => chain().toggleOrderedList().run()}>
        1.
      </ToolbarButton>
      <ToolbarButton t={t} label={t("editor.blockquote")} shortcut="Mod-Shift-B" pressed={state.blockquote} onClick={() => chain().toggleBlockquote().run()}>
        ❝
      </ToolbarButton>
      <ToolbarButton t={t} label={t("editor.horizontalRule")} onClick={() => chain().setHorizontalRule().run()}>
        ―
      </ToolbarButton>
      <span className="editor-separator" aria-hidden="true" />
      <ToolbarButton t={t} label={t("editor.footnote")} shortcut="Mod-Alt-F" onClick={() => insertFootnote(editor)}>
        ¹
      </ToolbarButton>
      <ToolbarButton t={t} label={t("editor.image")} onClick={onImage}>
        <Icon path="M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4M15.5 9.5h.01" />
      </ToolbarButton>
      <ToolbarButton t={t} label={t("toolCards.insert")} onClick={onToolCard}>
        <Icon path="M14.7 6.3a4 4 0 0 0-5.4 5.4L4 17v3h3l5.3-5.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.4-.6-.6-2.4z" />
      </ToolbarButton>
      <ToolbarButton
        t={t}
        label={t("editor.table")}
        pressed={state.table}
        onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
      >
        <Icon path="M4 5h16v14H4zM4 10h16M4 15h16M10 5v14M15 5v14" />
      </ToolbarButton>
      {state.table && (
        <>
          {tableAction("editor.tableAddRow", () => chain().addRowAfter().run(), "+↓")}
          {tableAction("editor.tableAddColumn", () => chain().addColumnAfter().run(), "+→")}
          {tableAction("editor.tableDeleteRow", () => chain().deleteRow().run(), "−↓")}
          {tableAction("editor.tableDeleteColumn", () => chain().deleteColumn().run(), "−→")}
          {tableAction("editor.tableDelete", () => chain().deleteTable().run(), "✕")}
        </>
      )}
      {suggestionToggle && (
        <>
          <span className="editor-separator" aria-hidden="true" />
          {suggestionToggle}
        </>
      )}
      {commentButton && (
        <>
          <span className="editor-separator" aria-hidden="true" />
          {commentButton}
        </>
      )}
    </div>
  );
}
