import { Extension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { chapterExtensions } from "#app/common/chapter-schema.ts";
import { chapterPlainText, countWords } from "#app/common/chapter-text.ts";
import { CHAPTER_FRAGMENT, CLOSE_CODES } from "#app/common/collab.ts";
import { useCsrfToken, useT } from "#app/utils/root-data.ts";
import { ChapterConnection } from "./chapter-connection.ts";
import { colourForUser } from "./colour.ts";
import { ImageDialog, LinkDialog } from "./dialogs.tsx";
import { ToolCardDialog } from "./tool-cards/tool-card-dialog.tsx";
import { toolCardEditing } from "./tool-cards/tool-card-view.tsx";
import { footnoteEditing } from "./footnote-view.ts";
import { cleanPastedHtml } from "./paste.ts";
import { ConnectionStatus, PresentUsers } from "./presence.tsx";
import { Toolbar } from "./toolbar.tsx";
import { CommentButton } from "./comments/comment-button.tsx";
import { CommentsSidebar } from "./comments/comments-sidebar.tsx";
import type { CommentsSetup } from "./comments/types.ts";
import { useChapterComments } from "./comments/use-chapter-comments.ts";
import { withAuthorColours } from "./suggestions/author-colours.ts";
import { reportSuggestionDecision } from "./suggestions/report-decision.ts";
import { SuggestionMode } from "./suggestions/suggestion-mode.ts";
import { SuggestionPanel } from "./suggestions/suggestion-panel.tsx";
import { SuggestionToggle } from "./suggestions/suggestion-toggle.tsx";

export type ChapterEditorProps = {
  chapterId: string;
  /** From chapterDocumentAccess: the server drops a read-only client's edits; the editor does not offer them. */
  access: "write" | "suggest" | "read";
  user: { id: string; name: string };
  /** Editors and admins: "Alles accepteren / Alles weigeren". */
  canDecideAll?: boolean;
  /** Whether this person sees and writes comments, and whom they can @mention (app/editor/comments/). */
  comments?: CommentsSetup;
};

const NO_COMMENTS: CommentsSetup = { access: "none", people: [] };

/**
 * The collaborative chapter editor (browser only; loaded lazily by the edit page). One
 * ChapterConnection per mounted editor: it owns the Y.Doc, the IndexedDB copy and the socket.
 */
export default function ChapterEditor(props: ChapterEditorProps) {
  const [connection, setConnection] = useState<ChapterConnection | null>(null);
  useEffect(() => {
    const created = new ChapterConnection(props.chapterId);
    setConnection(created);
    return () => created.destroy();
  }, [props.chapterId]);
  if (!connection) return null;
  return <ConnectedEditor key={props.chapterId} connection={connection} {...props} />;
}

function ConnectedEditor({ connection, access, user, chapterId, canDecideAll = false, comments: commentsSetup = NO_COMMENTS }: ChapterEditorProps & { connection: ChapterConnection }) {
  const t = useT();
  const csrfToken = useCsrfToken();
  const [dialog, setDialog] = useState<"link" | "image" | "toolCard" | null>(null);
  const { state, access: serverAccess } = useSyncExternalStore(
    (listener) => connection.subscribe(listener),
    () => connection.current,
    () => connection.current,
  );
  // The page's access, unless a later token said otherwise (the chapter went into review, say).
  const currentAccess = serverAccess ?? access;
  const readOnly = currentAccess === "read";
  // An author while the chapter is in review: every change is a suggestion (the server checks it too).
  const suggestOnly = currentAccess === "suggest";
  // Closed for good (no access any more, session gone): nothing typed now could be stored.
  const editable = !readOnly && state.kind !== "closed";
  const comments = useChapterComments({ chapterId, setup: commentsSetup, csrfToken });

  const extensions = useMemo(
    () => [
      // The schema's nodes, with the editor's own views for footnotes and tool cards.
      ...withAuthorColours(chapterExtensions).map((extension) =>
        extension.name === "footnote" ? footnoteEditing(t("editor.footnote")) : extension.name === "toolCard" ? toolCardEditing(t) : extension,
      ),
      SuggestionMode.configure({ author: { id: user.id, name: user.name }, forced: suggestOnly }),
      Collaboration.configure({ document: connection.doc, field: CHAPTER_FRAGMENT }),
      CollaborationCaret.configure({
        provider: connection.provider,
        user: { id: user.id, name: user.name, color: colourForUser(user.id) },
      }),
      comments.extension,
      Extension.create({
        name: "kapittelDialogs",
        addKeyboardShortcuts: () => ({
          "Mod-k": () => {
            setDialog("link");
            return true;
          },
        }),
      }),
    ],
    [connection, user.id, user.name, t, suggestOnly, comments.extension],
  );

  const editor = useEditor(
    {
      extensions,
      editable,
      immediatelyRender: false,
      editorProps: {
        transformPastedHTML: cleanPastedHtml,
        attributes: {
          "aria-label": t("editor.label"),
          "aria-multiline": "true",
          role: "textbox",
          // Focusable when read-only too (contenteditable=false alone is not), so keyboard users can
          // reach and select the text to comment on it, and the comment shortcut reaches the editor.
          tabindex: "0",
          class: "prose-book editor-content",
        },
      },
    },
    [extensions],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  const words = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? countWords(chapterPlainText(e.state.doc)) : 0),
  });

  return (
    <div className="editor" data-editable={editable}>
      <div className="editor-status sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 bg-white/95 py-2">
        <ConnectionStatus state={state} t={t} />
        <PresentUsers provider={connection.provider} t={t} />
        <p className="text-sm text-stone-600" aria-live="off">
          {t("editor.wordCount", { count: words ?? 0 })}
        </p>
      </div>
      {readOnly && (
        <p className="mt-3 rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950">
          <strong>{t("editor.readOnly")}</strong> — {t("editor.readOnlyExplanation")}
        </p>
      )}
      {editor && editable && (
        <Toolbar
          editor={editor}
          t={t}
          onLink={() => setDialog("link")}
          onImage={() => setDialog("image")}
          onToolCard={() => setDialog("toolCard")}
          suggestionToggle={<SuggestionToggle editor={editor} t={t} forced={suggestOnly} />}
          commentButton={comments.canWrite ? <CommentButton editor={editor} comments={comments} t={t} /> : undefined}
        />
      )}
      {editor && !editable && comments.canWrite && (
        // Read-only text, but this person may still comment (an editor on an approved chapter).
        <div role="toolbar" aria-label={t("comments.heading")} className="editor-toolbar">
          <CommentButton editor={editor} comments={comments} t={t} />
        </div>
      )}
      {suggestOnly && editable && (
        <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">{t("suggestions.forced")}</p>
      )}
      {state.kind === "closed" && state.closeCode === CLOSE_CODES.notASuggestion && (
        <p role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950">
          {t("suggestions.notASuggestion")}
        </p>
      )}
      {editor && (
        <SuggestionPanel
          editor={editor}
          t={t}
          userId={user.id}
          canDecide={editable && !suggestOnly}
          canDecideAll={editable && !suggestOnly && canDecideAll}
          onDecided={(decision, count, text) => reportSuggestionDecision({ chapterId, csrfToken, decision, count, text })}
        />
      )}
      <div className={comments.enabled ? "lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-8" : undefined}>
        <EditorContent editor={editor} className="mt-4 min-w-0" />
        {comments.enabled && <CommentsSidebar editor={editor} comments={comments} t={t} />}
      </div>
      {editor && (
        <>
          <LinkDialog editor={editor} open={dialog === "link"} onClose={() => setDialog(null)} t={t} />
          <ToolCardDialog editor={editor} open={dialog === "toolCard"} onClose={() => setDialog(null)} t={t} />
          <ImageDialog
            editor={editor}
            open={dialog === "image"}
            onClose={() => setDialog(null)}
            t={t}
            chapterId={chapterId}
            csrfToken={csrfToken}
          />
        </>
      )}
    </div>
  );
}
