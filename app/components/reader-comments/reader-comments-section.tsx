import { Link, useLocation, useSearchParams } from "@remix-run/react";
import { FormMessage } from "#app/components/forms.tsx";
import type { ReactionsSectionData } from "#app/models/reader-comments/section-data.server.ts";
import { useT } from "#app/utils/root-data.ts";
import { REACTION_POSTED, REACTION_POSTED_PARAM } from "./reaction-schema.ts";
import { ReactionForm } from "./reaction-form.tsx";

type Thread = ReactionsSectionData["threads"][number];
type Reaction = Omit<Thread, "replies">;

/**
 * "Laat een reactie achter": the approved reactions on a published chapter, tool or event, with
 * their replies (one level deep), and the form to add one. Renders nothing when the page takes no
 * reactions (`data` null: a draft, an unpublished tool). Text is shown as text, with its line breaks.
 */
export function ReaderCommentsSection({ data }: { data: ReactionsSectionData | null }) {
  const t = useT();
  const [searchParams] = useSearchParams();
  // A new key after every navigation (the redirect after posting) empties the forms again.
  const { key: locationKey } = useLocation();
  if (!data) return null;
  const posted = searchParams.get(REACTION_POSTED_PARAM);
  return (
    <section id="reacties" aria-labelledby="reacties-titel" className="mt-12 space-y-6 border-t border-stone-200 pt-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="reacties-titel" className="text-2xl font-semibold tracking-tight">
          {data.count > 0 ? t("readerComments.headingCount", { count: data.count }) : t("readerComments.heading")}
        </h2>
        {data.pendingForModerators !== null ? (
          <Link to="/redactie/reacties" className="text-sm">
            {t("readerComments.moderatorLink", { count: data.pendingForModerators })}
          </Link>
        ) : null}
      </div>

      {posted === REACTION_POSTED.approved ? <FormMessage tone="success">{t("readerComments.thanks.approved")}</FormMessage> : null}

      {data.threads.length === 0 ? (
        <p className="text-stone-700">{t("readerComments.none")}</p>
      ) : (
        <ol className="space-y-6">
          {data.threads.map((thread) => (
            <li key={thread.id}>
              <ReactionView reaction={thread} label={t("readerComments.reactionBy", { name: thread.name })} />
              {thread.replies.length > 0 ? (
                <ol aria-label={t("readerComments.replies", { name: thread.name })} className="mt-3 ml-4 space-y-3 border-l-2 border-stone-200 pl-4 sm:ml-8">
                  {thread.replies.map((reply) => (
                    <li key={reply.id}>
                      <ReactionView reaction={reply} label={t("readerComments.replyBy", { name: reply.name })} />
                    </li>
                  ))}
                </ol>
              ) : null}
              {thread.pending ? null : (
                // A disclosure, not a dialog: it opens without JavaScript and keeps focus in the page.
                <details className="mt-2 ml-4 sm:ml-8">
                  <summary className="cursor-pointer text-sm font-medium text-[var(--color-accent-dark)]">
                    {t("readerComments.reply")}
                    <span className="sr-only"> ({t("readerComments.replyTo", { name: thread.name })})</span>
                  </summary>
                  <div className="mt-3 rounded-md border border-stone-200 bg-white p-4">
                    <ReactionForm
                      key={locationKey}
                      target={data.target}
                      parent={{ id: thread.id, name: thread.name }}
                      viewer={data.viewer}
                      appearsAtOnce={data.appearsAtOnce}
                    />
                  </div>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}

      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h3 id="reactie-bedankt" className="mb-4 text-xl font-semibold">
          {t("readerComments.form.title")}
        </h3>
        {posted === REACTION_POSTED.pending ? (
          <div className="mb-4">
            <FormMessage tone="success">{t("readerComments.thanks.pending")}</FormMessage>
          </div>
        ) : null}
        <ReactionForm key={locationKey} target={data.target} viewer={data.viewer} appearsAtOnce={data.appearsAtOnce} />
      </div>
    </section>
  );
}

/** One reaction: who, when, and the text (escaped by React; line breaks kept by CSS). */
function ReactionView({ reaction, label }: { reaction: Reaction; label: string }) {
  const t = useT();
  return (
    <article id={`reactie-${reaction.id}`} aria-label={label} className={`rounded-md p-3 ${reaction.pending ? "border border-dashed border-amber-400 bg-amber-50" : "bg-stone-50"}`}>
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-semibold text-stone-900">{reaction.name}</span>
        <time dateTime={reaction.whenIso} className="text-stone-600">
          {reaction.when}
        </time>
        {reaction.pending ? <span className="rounded-full bg-amber-100 px-2 text-xs font-medium text-amber-950">{t("readerComments.pendingBadge")}</span> : null}
      </p>
      <p className="mt-1 whitespace-pre-line break-words text-stone-800">{reaction.body}</p>
    </article>
  );
}
