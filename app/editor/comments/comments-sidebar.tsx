import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import type { Translate } from "#app/common/i18n/catalogue.ts";
import { useLocale } from "#app/utils/root-data.ts";
import { setHighlightedThreads, threadRanges, type ThreadRanges } from "./comment-highlights.ts";
import { MentionTextarea } from "./mention-textarea.tsx";
import { primaryButton, secondaryButton } from "./styles.ts";
import { ThreadCard } from "./thread-card.tsx";
import type { CommentThreadData } from "./types.ts";
import type { ChapterComments, CommentDraft } from "./use-chapter-comments.ts";

const DRAFT_ID = "__draft";

/**
 * The comments beside the text: a new comment being written, open threads in the order of their
 * text, threads whose text was deleted ("losgeraakt", with their quote), and resolved ones folded away.
 */
export function CommentsSidebar({ editor, comments, t }: { editor: Editor | null; comments: ChapterComments; t: Translate }) {
  const locale = useLocale();
  const ranges: ThreadRanges = useEditorState({ editor, selector: ({ editor: e }) => (e ? threadRanges(e.state) : {}) }) ?? {};
  const { threads, activeId, draft } = comments;
  // Said to screen readers once a comment is posted (the form it was typed in is gone then).
  const [announcement, setAnnouncement] = useState("");

  // Hand the threads (and the text being commented on) to the highlight extension.
  useEffect(() => {
    if (!editor) return;
    const placed = threads.map((thread) => ({ id: thread.id, anchorStart: thread.anchorStart, anchorEnd: thread.anchorEnd, highlight: thread.resolvedAt === null }));
    if (draft) placed.push({ id: DRAFT_ID, anchorStart: draft.anchorStart, anchorEnd: draft.anchorEnd, highlight: true });
    setHighlightedThreads(editor, placed, draft ? DRAFT_ID : activeId);
  }, [editor, threads, activeId, draft]);

  // A notification's link ends in #opmerking-<id>: open that thread once it has loaded.
  const followedHash = useRef(false);
  useEffect(() => {
    if (followedHash.current || threads.length === 0) return;
    const id = /^#opmerking-(.+)$/.exec(window.location.hash)?.[1];
    followedHash.current = true;
    if (id && threads.some((thread) => thread.id === id)) comments.activate(id);
  }, [threads, comments]);

  const show = (thread: CommentThreadData) => {
    const range = ranges[thread.id];
    comments.activate(thread.id);
    if (editor && range) editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  };

  const open = threads.filter((thread) => thread.resolvedAt === null);
  // In the order of their text; those not placed yet (the document is still loading) after them.
  const placed = open
    .filter((thread) => ranges[thread.id] !== null)
    .sort((a, b) => (ranges[a.id]?.from ?? Number.MAX_SAFE_INTEGER) - (ranges[b.id]?.from ?? Number.MAX_SAFE_INTEGER));
  const detached = open.filter((thread) => ranges[thread.id] === null);
  const resolved = threads.filter((thread) => thread.resolvedAt !== null);
  const card = (thread: CommentThreadData, isDetached: boolean) => (
    <li key={thread.id}>
      <ThreadCard
        thread={thread}
        detached={isDetached}
        active={thread.id === activeId}
        canWrite={comments.canWrite}
        people={comments.people}
        t={t}
        locale={locale}
        onShow={() => show(thread)}
        send={comments.send}
      />
    </li>
  );

  return (
    <aside aria-labelledby="comments-heading" className="comments-sidebar mt-6 lg:sticky lg:top-28 lg:mt-4 lg:max-h-[calc(100vh-8rem)] lg:overflow-y-auto lg:pr-1">
      <h2 id="comments-heading" className="text-lg font-semibold">
        {t("comments.heading")}
      </h2>
      {comments.loadFailed && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {t("comments.loadFailed")}
        </p>
      )}
      {!comments.canWrite && <p className="mt-2 text-xs text-stone-600">{t("comments.readOnly")}</p>}
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {draft && editor && <NewComment draft={draft} comments={comments} editor={editor} t={t} onPosted={() => setAnnouncement(t("comments.posted"))} />}
      {threads.length === 0 && !draft && <p className="mt-2 text-sm text-stone-600">{t("comments.none")}</p>}
      {placed.length > 0 && (
        <section aria-labelledby="comments-open" className="mt-3">
          <h3 id="comments-open" className="sr-only">
            {t("comments.open", { count: placed.length })}
          </h3>
          <ul className="space-y-3">{placed.map((thread) => card(thread, false))}</ul>
        </section>
      )}
      {detached.length > 0 && (
        <section aria-labelledby="comments-detached" className="mt-4">
          <h3 id="comments-detached" className="text-sm font-semibold text-stone-800">
            {t("comments.detached", { count: detached.length })}
          </h3>
          <p className="mb-2 text-xs text-stone-600">{t("comments.detachedExplanation")}</p>
          <ul className="space-y-3">{detached.map((thread) => card(thread, true))}</ul>
        </section>
      )}
      {resolved.length > 0 && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-semibold text-stone-800">{t("comments.resolved", { count: resolved.length })}</summary>
          <ul className="mt-2 space-y-3">{resolved.map((thread) => card(thread, ranges[thread.id] === null))}</ul>
        </details>
      )}
    </aside>
  );
}

/** The form for a new comment on the selected text. */
function NewComment({ draft, comments, editor, t, onPosted }: { draft: CommentDraft; comments: ChapterComments; editor: Editor; t: Translate; onPosted: () => void }) {
  const [body, setBody] = useState("");
  const [mentions, setMentions] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    comments.setDraft(null);
    editor.commands.focus();
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    const result = await comments.send({ intent: "create", anchorStart: draft.anchorStart, anchorEnd: draft.anchorEnd, body, mention: mentions });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    comments.setDraft(null);
    onPosted();
    if (result.threadId) comments.activate(result.threadId);
    // Back to the text, where the writer was.
    editor.commands.focus();
  };
  return (
    <form
      aria-labelledby="new-comment-heading"
      className="mt-3 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="new-comment-heading" className="font-semibold">
        {t("comments.newHeading")}
      </h3>
      <blockquote className="mt-1 border-l-4 border-amber-400 pl-2 italic text-stone-700">{draft.quote.length > 140 ? `${draft.quote.slice(0, 139)}…` : draft.quote}</blockquote>
      <MentionTextarea
        // A new selection starts a new text.
        key={draft.anchorStart + draft.anchorEnd}
        label={t("comments.bodyLabel")}
        value={body}
        onChange={setBody}
        people={comments.people}
        onMention={(id) => setMentions((ids) => [...new Set([...ids, id])])}
        onCancel={close}
        t={t}
        autoFocus
      />
      {error && (
        <p role="alert" className="mt-2 text-xs text-red-800">
          {error}
        </p>
      )}
      <div className="mt-2 flex gap-2">
        <button type="submit" className={primaryButton} disabled={busy}>
          {t("comments.submit")}
        </button>
        <button type="button" className={secondaryButton} onClick={close}>
          {t("comments.cancel")}
        </button>
      </div>
    </form>
  );
}
