import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useEffect } from "react";
import type { Translate } from "#app/common/i18n/catalogue.ts";
import type { ChapterComments } from "./use-chapter-comments.ts";

function shortcutLabel(): string {
  const mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  return mac ? "⌘⌥M" : "Ctrl+Alt+M";
}

/** "Opmerking": comment on the selected text (Mod-Alt-m); disabled until some text is selected. */
export function CommentButton({ editor, comments, t }: { editor: Editor; comments: ChapterComments; t: Translate }) {
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });
  const label = t("comments.addLabel");
  // On read-only text ProseMirror runs no key bindings (the CommentHighlights shortcut included):
  // listen on the page instead, so Mod-Alt-m works for people who may only comment.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (editor.isEditable || event.code !== "KeyM" || !event.altKey || !(event.ctrlKey || event.metaKey)) return;
      if (editor.state.selection.empty) return;
      event.preventDefault();
      comments.startFromSelection(editor);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [editor, comments]);
  return (
    <button
      type="button"
      className="editor-button inline-flex items-center gap-1"
      title={hasSelection ? t("editor.shortcut", { label, keys: shortcutLabel() }) : t("comments.addHint")}
      aria-keyshortcuts="Control+Alt+M"
      disabled={!hasSelection}
      // Keep the selection in the text: a toolbar click must not move focus first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => comments.startFromSelection(editor)}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" />
      </svg>
      {t("comments.add")}
    </button>
  );
}
