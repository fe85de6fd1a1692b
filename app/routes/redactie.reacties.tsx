import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { hasPermission } from "#app/common/permissions.ts";
import { formatDateTime } from "#app/common/format.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { FilterForm } from "#app/components/filter-form.tsx";
import { FormMessage } from "#app/components/forms.tsx";
import { isReaderCommentStatus, reactionAnchor, READER_COMMENT_STATUSES, READER_COMMENT_TARGET_TYPES } from "#app/components/reader-comments/reaction-kinds.ts";
import { isModerationAction, listReactionsForModeration, moderateReaction, parseModerationFilter } from "#app/models/reader-comments/moderation.server.ts";
import { listTargetsWithReactions } from "#app/models/reader-comments/targets.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { httpError, notFound } from "#app/utils/http.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

// The editorial team (editors and admins) moderates, as it runs /redactie.
const MODERATE = "update:chapter:any";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" },
  { name: "robots", content: "noindex" },
];

/** /redactie/reacties: readers' reactions to moderate, waiting ones first, filtered by status and page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, MODERATE);
  const filter = parseModerationFilter(new URL(request.url).searchParams);
  const [t, locale, list, targets] = await Promise.all([getTranslator(request), getLocale(request), listReactionsForModeration(filter), listTargetsWithReactions()]);
  return {
    pageTitle: t("readerComments.moderation.pageTitle"),
    filter: { status: filter.status ?? "", type: filter.type ?? "", target: filter.target ?? "" },
    targets: targets.map((target) => ({ value: `${target.type}:${target.id}`, label: `${t(`readerComments.type.${target.type}`)}: ${target.title}` })),
    total: list.total,
    // Settings are for admins only; editors see no link to a page that would refuse them.
    canChangeSettings: hasPermission(user.role, "manage:member:any"),
    reactions: list.reactions.map((reaction) => ({
      id: reaction.id,
      name: reaction.name,
      email: reaction.email,
      fromAccount: reaction.userId !== null,
      body: reaction.body,
      status: reaction.status,
      notifyOnReply: reaction.notifyOnReply,
      when: formatDateTime(reaction.createdAt, locale),
      whenIso: reaction.createdAt.toISOString(),
      type: reaction.targetType,
      target: reaction.target && { title: reaction.target.title, path: reaction.target.path },
      parent: reaction.parent && { name: reaction.parent.name, excerpt: excerpt(reaction.parent.body) },
      moderated: reaction.moderatedAt && { by: reaction.moderatedBy?.name ?? "—", when: formatDateTime(reaction.moderatedAt, locale) },
    })),
  };
}

function excerpt(text: string): string {
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** POST intent=approve|hide|delete, id: checked per request; recorded with who and when. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, MODERATE);
  const form = await readForm(request);
  const intent = form.get("intent");
  const id = form.get("id");
  if (!isModerationAction(intent) || typeof id !== "string" || id === "") throw await httpError(request, 400, "readerComments.moderation.badAction");
  const outcome = await moderateReaction({ id, action: intent, moderatorId: user.id });
  if (!outcome.ok) throw await notFound(request, "readerComments.moderation.notFound");
  return data({ done: intent });
}

const STATUS_TONE: Record<string, string> = {
  pending: "bg-amber-50 text-amber-950 ring-amber-400",
  approved: "bg-green-50 text-green-900 ring-green-300",
  hidden: "bg-stone-100 text-stone-800 ring-stone-300",
};

const buttonClass = "inline-flex cursor-pointer items-center rounded-md px-3 py-1.5 text-sm font-medium shadow-sm disabled:opacity-60";

export default function ReactionModerationPage() {
  const t = useT();
  const { filter, targets, total, reactions, canChangeSettings } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>()?.done;
  const busy = useNavigation().state === "submitting";
  const statusLabel = (status: string) => (isReaderCommentStatus(status) ? t(`readerComments.status.${status}`) : status);
  const typeLabel = (type: string): string => ((READER_COMMENT_TARGET_TYPES as readonly string[]).includes(type) ? t(`readerComments.type.${type}` as MessageKey) : type);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to="/redactie">← {t("dashboard.heading")}</Link>
      </p>
      <header className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">{t("readerComments.moderation.heading")}</h1>
        <p className="mt-3 text-stone-700">{t("readerComments.moderation.intro")}</p>
        {canChangeSettings ? (
          <p className="mt-2 text-sm">
            <Link to="/admin/instellingen">{t("readerComments.moderation.settingsLink")}</Link>
          </p>
        ) : null}
      </header>

      <FilterForm
        label={t("readerComments.moderation.filters")}
        idPrefix="reacties"
        allLabel={t("readerComments.moderation.filter.all")}
        submitLabel={t("readerComments.moderation.filter.submit")}
        clear={{ to: "/redactie/reacties", label: t("readerComments.moderation.filter.reset") }}
        choices={[
          {
            name: "status",
            label: t("readerComments.moderation.filter.status"),
            value: filter.status,
            options: READER_COMMENT_STATUSES.map((status) => ({ value: status, label: statusLabel(status) })),
          },
          {
            name: "soort",
            label: t("readerComments.moderation.filter.type"),
            value: filter.type,
            options: READER_COMMENT_TARGET_TYPES.map((type) => ({ value: type, label: typeLabel(type) })),
          },
          { name: "pagina", label: t("readerComments.moderation.filter.target"), value: filter.target, options: targets },
        ]}
      />

      {done ? <FormMessage tone="success">{t(`readerComments.moderation.done.${done}`)}</FormMessage> : null}

      <p className="text-sm text-stone-700" role="status">
        {total === 1 ? t("readerComments.moderation.countOne") : t("readerComments.moderation.count", { count: total })}
      </p>

      {reactions.length === 0 ? (
        <p>{t("readerComments.moderation.none")}</p>
      ) : (
        <ol aria-label={t("readerComments.moderation.listLabel")} className="space-y-4">
          {reactions.map((reaction) => (
            <li key={reaction.id} data-reaction={reaction.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
              <article aria-label={t("readerComments.reactionBy", { name: reaction.name })}>
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_TONE[reaction.status] ?? STATUS_TONE.hidden}`}>
                    <span className="sr-only">{t("readerComments.moderation.filter.status")}: </span>
                    {statusLabel(reaction.status)}
                  </span>
                  <span>
                    {t("readerComments.moderation.on")} {typeLabel(reaction.type)}:{" "}
                    {reaction.target ? (
                      <Link to={reaction.status === "approved" ? `${reaction.target.path}#${reactionAnchor(reaction.id)}` : `${reaction.target.path}#reacties`}>{reaction.target.title}</Link>
                    ) : (
                      t("readerComments.moderation.goneTarget")
                    )}
                  </span>
                  <time dateTime={reaction.whenIso} className="text-stone-600">
                    {reaction.when}
                  </time>
                </div>
                <p className="mt-2 text-sm">
                  <span className="font-semibold">{reaction.name}</span> <span className="text-stone-700">&lt;{reaction.email}&gt;</span>
                  {reaction.fromAccount ? <span className="ml-2 text-xs text-stone-600">({t("readerComments.moderation.account")})</span> : null}
                  {reaction.notifyOnReply ? <span className="ml-2 text-xs text-stone-600">· {t("readerComments.moderation.wantsEmail")}</span> : null}
                </p>
                {reaction.parent ? (
                  <p className="mt-2 border-l-4 border-stone-200 pl-3 text-sm text-stone-700">
                    {t("readerComments.moderation.inReplyTo", { name: reaction.parent.name })} <span className="italic">{reaction.parent.excerpt}</span>
                  </p>
                ) : null}
                <p className="mt-2 whitespace-pre-line break-words">{reaction.body}</p>
                {reaction.moderated ? (
                  <p className="mt-2 text-xs text-stone-600">
                    {t("readerComments.moderation.moderatedBy", { status: statusLabel(reaction.status), name: reaction.moderated.by, when: reaction.moderated.when })}
                  </p>
                ) : null}
                <div role="group" aria-label={t("readerComments.moderation.actionsFor", { name: reaction.name })} className="mt-3 flex flex-wrap items-start gap-2">
                  {reaction.status !== "approved" ? (
                    <ModerationButton id={reaction.id} intent="approve" busy={busy} className={`${buttonClass} bg-[var(--color-accent)] text-white hover:bg-[var(--color-accent-dark)]`}>
                      {t("readerComments.moderation.approve")}
                    </ModerationButton>
                  ) : null}
                  {reaction.status !== "hidden" ? (
                    <ModerationButton id={reaction.id} intent="hide" busy={busy} className={`${buttonClass} border border-stone-300 bg-white text-stone-900 hover:bg-stone-100`}>
                      {t("readerComments.moderation.hide")}
                    </ModerationButton>
                  ) : null}
                  {/* Confirmation as a disclosure: works without JavaScript and keeps focus in the page. */}
                  <details className="group">
                    <summary className={`${buttonClass} list-none border border-red-300 bg-white text-red-800 hover:bg-red-50`}>{t("readerComments.moderation.delete")}</summary>
                    <div className="mt-2 space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
                      <p>{t("readerComments.moderation.deleteConfirm")}</p>
                      <ModerationButton id={reaction.id} intent="delete" busy={busy} className={`${buttonClass} bg-red-700 text-white hover:bg-red-800`}>
                        {t("readerComments.moderation.deleteSubmit")}
                      </ModerationButton>
                    </div>
                  </details>
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function ModerationButton({ id, intent, busy, className, children }: { id: string; intent: string; busy: boolean; className: string; children: ReactNode }) {
  return (
    <Form method="post" preventScrollReset>
      <CsrfInput />
      <input type="hidden" name="id" value={id} />
      <button type="submit" name="intent" value={intent} disabled={busy} className={className}>
        {children}
      </button>
    </Form>
  );
}
