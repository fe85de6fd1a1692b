import type { Editor } from "@tiptap/core";
import { useMemo, useRef, useState } from "react";
import type { EncodedAnchors } from "./anchors.ts";
import { anchorsForSelection, CommentHighlights } from "./comment-highlights.ts";
import type { CommentsSetup } from "./types.ts";
import { useCommentThreads } from "./use-comment-threads.ts";

/** A comment being written: the selection it is about. */
export type CommentDraft = EncodedAnchors & { quote: string };

/**
 * Everything the editor needs for comments: the threads (live), the thread in focus, the comment
 * being written, and the highlight extension. The extension is made once and reaches the latest
 * state through refs, so adding it does not rebuild the editor.
 */
export function useChapterComments({ chapterId, setup, csrfToken }: { chapterId: string; setup: CommentsSetup; csrfToken: string }) {
  const enabled = setup.access !== "none";
  const canWrite = setup.access === "write";
  const { threads, loadFailed, send } = useCommentThreads(chapterId, enabled, csrfToken);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<CommentDraft | null>(null);

  const startFromSelection = useRef((_editor: Editor) => {});
  startFromSelection.current = (editor: Editor) => {
    if (!canWrite) return;
    const selected = anchorsForSelection(editor.state);
    if (selected) setDraft(selected);
  };
  const activate = useRef((_id: string) => {});
  activate.current = (id: string) => {
    setActiveId(id);
    // Bring the thread into view in the sidebar without taking focus from the text.
    requestAnimationFrame(() => document.getElementById(`opmerking-${id}`)?.scrollIntoView({ block: "nearest" }));
  };

  const extension = useMemo(
    () =>
      CommentHighlights.configure({
        onActivate: (id) => activate.current(id),
        onCommentShortcut: (editor) => startFromSelection.current(editor),
      }),
    [],
  );

  return {
    enabled,
    canWrite,
    people: setup.people,
    threads,
    loadFailed,
    send,
    activeId,
    activate: (id: string) => activate.current(id),
    draft,
    setDraft,
    startFromSelection: (editor: Editor) => startFromSelection.current(editor),
    extension,
  };
}
export type ChapterComments = ReturnType<typeof useChapterComments>;
