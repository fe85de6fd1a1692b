import { Extension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { chapterExtensions } from "#app/common/chapter-schema.ts";
import { chapterPlainText, countWords } from "#app/common/chapter-text.ts";
import { CHAPTER_FRAGMENT } from "#app/common/collab.ts";
import { useCsrfToken, useT } from "#app/utils/root-data.ts";
import { ChapterConnection } from "./chapter-connection.ts";
import { colourForUser } from "./colour.ts";
import { ImageDialog, LinkDialog } from "./dialogs.tsx";
import { footnoteEditing } from "./footnote-view.ts";
import { cleanPastedHtml } from "./paste.ts";
import { ConnectionStatus, PresentUsers } from "./presence.tsx";
import { Toolbar } from "./toolbar.tsx";

export type ChapterEditorProps = {
  chapterId: string;
  /** From chapterDocumentAccess: the server drops a read-only client's edits; the editor does not offer them. */
  access: "write" | "read";
  user: { id: string; name: string };
};

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

function ConnectedEditor({ connection, access, user, chapterId }: ChapterEditorProps & { connection: ChapterConnection }) {
  const t = useT();
  const csrfToken = useCsrfToken();
  const [dialog, setDialog] = useState<"link" | "image" | null>(null);
  const { state, access: serverAccess } = useSyncExternalStore(
    (listener) => connection.subscribe(listener),
    () => connection.current,
    () => connection.current,
  );
  // The page's access, unless a later token said otherwise (the chapter went into review, say).
  const readOnly = (serverAccess ?? access) === "read";
  // Closed for good (no access any more, session gone): nothing typed now could be stored.
  const editable = !readOnly && state.kind !== "closed";

  const extensions = useMemo(
    () => [
      ...chapterExtensions.map((extension) => (extension.name === "footnote" ? footnoteEditing(t("editor.footnote")) : extension)),
      Collaboration.configure({ document: connection.doc, field: CHAPTER_FRAGMENT }),
      CollaborationCaret.configure({
        provider: connection.provider,
        user: { id: user.id, name: user.name, color: colourForUser(user.id) },
      }),
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
    [connection, user.id, user.name, t],
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
        <Toolbar editor={editor} t={t} onLink={() => setDialog("link")} onImage={() => setDialog("image")} />
      )}
      <EditorContent editor={editor} className="mt-4" />
      {editor && (
        <>
          <LinkDialog editor={editor} open={dialog === "link"} onClose={() => setDialog(null)} t={t} />
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
