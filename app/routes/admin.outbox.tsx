import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "#app/components/data-table.tsx";
import { formatDateTime } from "#app/common/format.ts";
import { isMessageKey } from "#app/common/i18n/catalogue.ts";
import { listOutbox, MAX_DELIVERY_ATTEMPTS } from "#app/models/outbox.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { getLocale } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "admin.outbox.title", "admin.title");

// Messages hold live links (invitations, password resets): only admins may read them.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:outbox:any");
  const [messages, locale] = await Promise.all([listOutbox(), getLocale(request)]);
  return {
    messages: messages.map((message) => ({
      id: message.id,
      to: message.to,
      subject: message.subject,
      kind: message.kind,
      text: message.text,
      createdAt: formatDateTime(message.createdAt, locale),
      sentAt: message.sentAt ? formatDateTime(message.sentAt, locale) : null,
      attempts: message.attempts,
      gaveUp: !message.sentAt && message.attempts >= MAX_DELIVERY_ATTEMPTS,
      lastError: message.lastError,
    })),
  };
}

export default function Outbox() {
  const t = useT();
  const { messages } = useLoaderData<typeof loader>();
  const kindLabel = (kind: string) => {
    const key = `admin.outbox.kind.${kind}`;
    return isMessageKey(key) ? t(key) : kind;
  };
  return (
    <div className="space-y-6">
      <header className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">{t("admin.outbox.title")}</h1>
        <p className="mt-3 text-stone-700">{t("admin.outbox.intro")}</p>
      </header>
      {messages.length === 0 ? (
        <p>{t("admin.outbox.empty")}</p>
      ) : (
        <DataTable
          caption={t("admin.outbox.caption", { count: messages.length })}
          captionVisible
          columns={[
            { label: t("admin.outbox.to") },
            { label: t("admin.outbox.subject") },
            { label: t("admin.outbox.kind") },
            { label: t("admin.outbox.createdAt") },
            { label: t("admin.outbox.status") },
          ]}
        >
          {messages.map((message) => (
            <tr key={message.id} className="align-top">
              <th scope="row" className="px-4 py-2 font-medium">{message.to}</th>
              <td className="px-4 py-2">
                {message.subject}
                {/* A disclosure: keyboard-operable without JavaScript, and the text stays out of the way. */}
                <details className="mt-1">
                  <summary className="cursor-pointer text-[var(--color-accent)]">{t("admin.outbox.showText")}</summary>
                  <pre
                    aria-label={t("admin.outbox.textOf", { to: message.to })}
                    className="mt-2 max-w-prose whitespace-pre-wrap break-words rounded-md bg-stone-50 p-3 font-sans text-sm text-stone-800"
                  >
                    {message.text}
                  </pre>
                </details>
              </td>
              <td className="px-4 py-2">{kindLabel(message.kind)}</td>
              <td className="whitespace-nowrap px-4 py-2">{message.createdAt}</td>
              <td className="px-4 py-2">
                <DeliveryStatus message={message} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

function DeliveryStatus({
  message,
}: {
  message: { sentAt: string | null; attempts: number; gaveUp: boolean; lastError: string | null };
}) {
  const t = useT();
  if (message.sentAt) return <span className="text-green-900">{t("admin.outbox.sent", { date: message.sentAt })}</span>;
  return (
    <div className="space-y-1">
      <p className={message.gaveUp ? "font-medium text-red-800" : "text-stone-800"}>
        {message.gaveUp
          ? t("admin.outbox.gaveUp", { count: message.attempts })
          : message.attempts > 0
            ? t("admin.outbox.attempts", { count: message.attempts })
            : t("admin.outbox.pending")}
      </p>
      {message.lastError ? (
        <p className="break-words text-xs text-stone-600">{t("admin.outbox.lastError", { error: message.lastError })}</p>
      ) : null}
    </div>
  );
}
