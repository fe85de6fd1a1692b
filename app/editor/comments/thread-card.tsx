import { useState, type ReactNode } from "react";
import type { Translate } from "#app/common/i18n/catalogue.ts";
import { formatDateTime } from "#app/common/format.ts";
import type { Locale } from "#app/common/i18n/locales.ts";
import { MentionTextarea } from "./mention-textarea.tsx";
import { primaryButton, secondaryButton } from "./styles.ts";
import type { CommentActionResult } from "./use-comment-threads.ts";
import type { CommentPerson, CommentThreadData } from "./types.ts";

type Props = {
  thread: CommentThreadData;
  /** The thread's text was deleted: show its quote struck through, nothing to select. */
  detached: boolean;
  active: boolean;
  canWrite: boolean;
  people: CommentPerson[];
  t: Translate;
  locale: Locale;
  onShow: () => void;
  send: (fields: Record<string, string | string[]>) => Promise<CommentActionResult>;
};

/** The comment's text with each "@Name" of someone on the chapter set in bold. */
function withMentions(body: string, people: CommentPerson[]): ReactNode {
  const names = people.map((p) => p.name).sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (names.length === 0) return body;
  const parts = body.split(new RegExp(`(@(?:${names.join("|")}))`, "g"));
  return parts.map((part, index) => (index % 2 === 1 ? <strong key={index} className="font-semibold text-sky-900">{part}</strong> : part));
}

function shorten(text: string, length = 80): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** One thread in the sidebar: its quote (a button that selects the text), comments, reply form, resolve/reopen. */
export function ThreadCard({ thread, detached, active, canWrite, people, t, locale, onShow, send }: Props) {
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState("");
  const [mentions, setMentions] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resolved = thread.resolvedAt !== null;

  const run = async (fields: Record<string, string | string[]>) => {
    setBusy(true);
    setError(null);
    const result = await send({ ...fields, threadId: thread.id });
    setBusy(false);
    if (!result.ok) setError(t("comments.sendFailed", { message: result.message }));
    return result.ok;
  };

  const submitReply = async () => {
    if (await run({ intent: "reply", body: reply, mention: mentions })) {
      setReply("");
      setMentions([]);
      setReplying(false);
    }
  };

  return (
    <article
      id={`opmerking-${thread.id}`}
      aria-label={t("comments.thread", { quote: shorten(thread.quote, 60) })}
      data-thread-id={thread.id}
      data-active={active}
      className={`rounded-md border bg-white p-3 text-sm shadow-sm ${active ? "border-amber-500 ring-2 ring-amber-300" : "border-stone-200"}`}
    >
      {!detached ? (
        <button
          type="button"
          onClick={onShow}
          className="block w-full border-l-4 border-amber-400 pl-2 text-left italic text-stone-700 hover:bg-amber-50"
          aria-label={t("comments.showInText", { quote: shorten(thread.quote, 60) })}
        >
          {shorten(thread.quote, 140)}
        </button>
      ) : (
        <blockquote className="border-l-4 border-stone-300 pl-2 italic text-stone-600 line-through decoration-stone-400">{shorten(thread.quote, 140)}</blockquote>
      )}
      <ol className="mt-2 space-y-2">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <p className="text-xs text-stone-600">
              <span className="font-semibold text-stone-900">{comment.author.name}</span>{" "}
              <time dateTime={comment.createdAt}>{formatDateTime(new Date(comment.createdAt), locale)}</time>
            </p>
            <p className="whitespace-pre-wrap break-words text-stone-900">{withMentions(comment.body, people)}</p>
          </li>
        ))}
      </ol>
      {resolved && thread.resolvedBy && <p className="mt-2 text-xs text-emerald-800">{t("comments.resolvedBy", { name: thread.resolvedBy.name })}</p>}
      {error && (
        <p role="alert" className="mt-2 text-xs text-red-800">
          {error}
        </p>
      )}
      {canWrite && replying && (
        <form
          className="mt-2"
          onSubmit={(event) => {
            event.preventDefault();
            void submitReply();
          }}
        >
          <MentionTextarea
            label={t("comments.replyLabel")}
            value={reply}
            onChange={setReply}
            people={people}
            onMention={(id) => setMentions((ids) => [...new Set([...ids, id])])}
            onCancel={() => setReplying(false)}
            t={t}
            autoFocus
            rows={2}
          />
          <div className="mt-2 flex gap-2">
            <button type="submit" disabled={busy || reply.trim() === ""} className={primaryButton}>
              {t("comments.sendReply")}
            </button>
            <button type="button" onClick={() => setReplying(false)} className={secondaryButton}>
              {t("comments.cancel")}
            </button>
          </div>
        </form>
      )}
      {canWrite && !replying && (
        <div className="mt-2 flex flex-wrap gap-2">
          <button type="button" className={secondaryButton} onClick={() => setReplying(true)}>
            {t("comments.reply")}
          </button>
          <button type="button" className={secondaryButton} disabled={busy} onClick={() => void run({ intent: resolved ? "reopen" : "resolve" })}>
            {resolved ? t("comments.reopen") : t("comments.resolve")}
          </button>
        </div>
      )}
    </article>
  );
}
