import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { formatDateTime } from "#app/common/format.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { FormMessage } from "#app/components/forms.tsx";
import { listNotifications, markAllNotificationsRead, openNotification } from "#app/models/notifications.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { httpError, notFound, safeRedirectPath } from "#app/utils/http.server.ts";
import { getLocale } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT, useUnreadNotificationCount } from "#app/utils/root-data.ts";

// Two kinds of form post here; the hidden `intent` field says which.
const OPEN = "open";
const MARK_ALL_READ = "mark-all-read";
const PAGE_PARAM = "pagina";
// After "mark all read" the action redirects here with this, so a reload does not post again.
const MARKED_PARAM = "gelezen";

// A page number that is not a sensible one shows the first page rather than an error.
const PageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
const OpenSchema = z.object({ id: z.string().min(1).max(100) });

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notifications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const page = PageSchema.parse(url.searchParams.get(PAGE_PARAM) ?? 1);
  const locale = await getLocale(request);
  const { items, hasMore } = await listNotifications(user.id, { page, locale });
  return {
    page,
    hasMore,
    markedAllRead: url.searchParams.has(MARKED_PARAM),
    // Dates are formatted here: the browser's Intl may differ from Node's (app/common/format.ts).
    items: items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString(), time: formatDateTime(item.createdAt, locale) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const intent = form.get("intent");

  if (intent === OPEN) {
    const parsed = OpenSchema.safeParse({ id: form.get("id") });
    // Someone else's notification is answered exactly like one that does not exist.
    const link = parsed.success ? await openNotification(user.id, parsed.data.id) : null;
    if (link === null) throw await notFound(request, "notifications.notFound");
    return redirect(safeRedirectPath(link, "/meldingen"));
  }

  if (intent === MARK_ALL_READ) {
    await markAllNotificationsRead(user.id);
    return redirect(`/meldingen?${MARKED_PARAM}=1`);
  }

  throw await httpError(request, 400, "notifications.unknownIntent");
}

export default function Notifications() {
  const t = useT();
  const { items, page, hasMore, markedAllRead } = useLoaderData<typeof loader>();
  const unread = useUnreadNotificationCount();
  const navigation = useNavigation();
  const markingAll = navigation.state === "submitting" && navigation.formData?.get("intent") === MARK_ALL_READ;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">{t("notifications.title")}</h1>
        <p className="text-stone-700">{t("notifications.intro")}</p>
      </header>

      {markedAllRead && unread === 0 ? <FormMessage tone="success">{t("notifications.markedAllRead")}</FormMessage> : null}

      {unread > 0 ? (
        <div className="flex flex-wrap items-center gap-4">
          <p className="font-medium">{t("notifications.unreadCount", { count: unread })}</p>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value={MARK_ALL_READ} />
            <button
              type="submit"
              disabled={markingAll}
              className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 shadow-sm hover:bg-stone-50 disabled:opacity-60"
            >
              {t("notifications.markAllRead")}
            </button>
          </Form>
        </div>
      ) : null}

      {items.length === 0 ? (
        <p>{t("notifications.empty")}</p>
      ) : (
        <ol aria-label={t("notifications.list.label")} className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white shadow-sm">
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} />
          ))}
        </ol>
      )}

      {page > 1 || hasMore ? (
        <nav aria-label={t("notifications.paging.label")} className="flex justify-between text-sm">
          {page > 1 ? <Link to={page === 2 ? "/meldingen" : `/meldingen?${PAGE_PARAM}=${page - 1}`}>{t("notifications.paging.newer")}</Link> : <span />}
          {hasMore ? <Link to={`/meldingen?${PAGE_PARAM}=${page + 1}`}>{t("notifications.paging.older")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}

type Item = { id: string; summary: string; excerpt: string; createdAt: string; time: string; read: boolean };

/**
 * One notification. Opening it is a form post (marks it read, then leads on), so it works
 * without JavaScript. Unread ones say "Nieuw" in words and are bold with a bar — never colour alone.
 */
function NotificationItem({ item }: { item: Item }) {
  const t = useT();
  return (
    <li className={`flex gap-3 border-l-4 px-4 py-3 ${item.read ? "border-l-transparent" : "border-l-[var(--color-accent)] bg-amber-50/40"}`}>
      <div className="min-w-0 flex-1 space-y-1">
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value={OPEN} />
          <input type="hidden" name="id" value={item.id} />
          <button
            type="submit"
            className={`text-left text-[var(--color-accent)] underline decoration-1 underline-offset-2 hover:decoration-2 ${item.read ? "" : "font-semibold"}`}
          >
            {item.read ? null : (
              <span className="mr-2 inline-block rounded bg-stone-800 px-1.5 py-0.5 align-middle text-xs font-semibold uppercase tracking-wide text-white no-underline">
                {t("notifications.unread")}
              </span>
            )}
            {item.summary}
          </button>
        </Form>
        {item.excerpt ? <p className="break-words text-stone-700">“{item.excerpt}”</p> : null}
        <p className="text-sm text-stone-600">
          <time dateTime={item.createdAt}>{item.time}</time>
        </p>
      </div>
    </li>
  );
}
