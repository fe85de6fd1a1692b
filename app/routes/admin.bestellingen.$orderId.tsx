import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { formatDate, formatDateTime } from "#app/common/format.ts";
import { OrderNotesFormSchema, OrderStatusFormSchema } from "#app/common/order-admin-form.ts";
import { nextOrderStatuses, orderStatusLabel } from "#app/common/order-status.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { ErrorList, FormErrors, FormMessage, SubmitButton, TextareaField } from "#app/components/forms.tsx";
import { OrderStatusBadge } from "#app/components/orders/order-status-badge.tsx";
import { PriceBreakdown } from "#app/components/orders/price-breakdown.tsx";
import { findOrderForAdmin, saveOrderNotes } from "#app/models/orders/admin-order.server.ts";
import { orderAccessToken } from "#app/models/orders/order-access.server.ts";
import { orderLink } from "#app/models/orders/order-emails.server.ts";
import { changeOrderStatus } from "#app/models/orders/order-status.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { httpError, notFound } from "#app/utils/http.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

const MANAGE = "manage:order:any";

const NOTICES = { status: "ordersAdmin.status.changed", notities: "ordersAdmin.notes.saved" } as const;
const isNotice = (value: unknown): value is keyof typeof NOTICES => typeof value === "string" && Object.hasOwn(NOTICES, value);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.order.invoiceNumber} — ${data.pageTitle} — Kapittel` : "Kapittel" },
  { name: "robots", content: "noindex" },
];

/** /admin/bestellingen/<id>: everything about one order, its history, its status and the admins' notes. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, MANAGE);
  const order = await findOrderForAdmin(params.orderId ?? "");
  if (!order) throw await notFound(request, "ordersAdmin.notFound");
  const [t, locale] = await Promise.all([getTranslator(request), getLocale(request)]);
  const notice = new URL(request.url).searchParams.get("melding");
  return {
    pageTitle: t("ordersAdmin.list.title"),
    notice: isNotice(notice) ? notice : null,
    nextStatuses: nextOrderStatuses(order.status),
    buyerLink: orderLink(orderAccessToken(order.idempotencyKey)),
    order: {
      id: order.id,
      invoiceNumber: order.invoiceNumber,
      status: order.status,
      createdAt: formatDateTime(order.createdAt, locale),
      createdAtIso: order.createdAt.toISOString(),
      invoiceDate: formatDate(order.invoiceDate, locale),
      book: order.book,
      edition: order.edition.number,
      customerType: order.customerType,
      name: order.name,
      organisation: order.organisation,
      email: order.email,
      billing: [`${order.billingStreet} ${order.billingNumber}`, `${order.billingPostcode} ${order.billingCity}`, order.billingCountry],
      delivery: order.deliveryStreet
        ? [order.deliveryName, `${order.deliveryStreet} ${order.deliveryNumber}`, `${order.deliveryPostcode} ${order.deliveryCity}`, order.deliveryCountry]
        : null,
      poNumber: order.poNumber,
      vatNumber: order.vatNumber,
      remarks: order.remarks,
      notes: order.notes,
      price: {
        quantity: order.quantity,
        unitPriceCents: order.unitPriceCents,
        discountPercent: order.discountPercent,
        subtotalCents: order.subtotalCents,
        discountCents: order.discountCents,
        shippingCents: order.shippingCents,
        vatTreatment: order.vatTreatment as "standard" | "reverse_charge" | "export",
        vatRateBasisPoints: order.vatRateBasisPoints,
        vatCents: order.vatCents,
        totalCents: order.totalCents,
      },
      history: order.statusChanges.map((change) => ({
        id: change.id,
        from: change.fromStatus,
        to: change.toStatus,
        note: change.note,
        by: change.actor?.name ?? null,
        when: formatDateTime(change.createdAt, locale),
        whenIso: change.createdAt.toISOString(),
      })),
    },
  };
}

/** POST intent=status (expectedStatus, toStatus, note) or intent=notes (notes); admins only. */
export async function action({ request, params }: ActionFunctionArgs) {
  // The form's token before anything else, so a forged form learns nothing (not even whether the order exists).
  const form = await readForm(request);
  const user = await requireUserWithPermission(request, MANAGE);
  const orderId = params.orderId ?? "";
  const here = `/admin/bestellingen/${orderId}`;
  const t = await getTranslator(request);

  if (form.get("intent") === "status") {
    const submission = parseWithZod(form, { schema: OrderStatusFormSchema });
    if (submission.status !== "success") return data({ intent: "status" as const, result: submission.reply() }, { status: 400 });
    const { expectedStatus, toStatus, note } = submission.value;
    const outcome = await changeOrderStatus({ orderId, expected: expectedStatus, to: toStatus, note, actorId: user.id });
    switch (outcome.status) {
      case "changed":
        return redirect(`${here}?melding=status`);
      case "not-found":
        throw await notFound(request, "ordersAdmin.notFound");
      case "stale":
        return data(
          { intent: "status" as const, result: submission.reply({ formErrors: [t("ordersAdmin.status.stale", { status: t(orderStatusLabel(outcome.current)) })] }) },
          { status: 409 },
        );
      case "not-allowed":
        return data(
          {
            intent: "status" as const,
            result: submission.reply({ formErrors: [t("ordersAdmin.status.notAllowed", { from: t(orderStatusLabel(expectedStatus)), to: t(orderStatusLabel(toStatus)) })] }),
          },
          { status: 400 },
        );
    }
  }

  if (form.get("intent") === "notes") {
    const submission = parseWithZod(form, { schema: OrderNotesFormSchema });
    if (submission.status !== "success") return data({ intent: "notes" as const, result: submission.reply() }, { status: 400 });
    if (!(await saveOrderNotes(orderId, submission.value.notes))) throw await notFound(request, "ordersAdmin.notFound");
    return redirect(`${here}?melding=notities`);
  }
  throw await httpError(request, 400, "ordersAdmin.unknownIntent");
}

export default function AdminOrderPage() {
  const t = useT();
  const { order, notice, buyerLink } = useLoaderData<typeof loader>();
  // After a saved change the page is a new location: the forms start from the stored values.
  const { key } = useLocation();
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link to="/admin/bestellingen">← {t("ordersAdmin.list.title")}</Link>
      </p>
      <header className="flex flex-wrap items-center gap-4">
        <h1 className="text-3xl font-semibold tracking-tight">{t("ordersAdmin.detail.title", { number: order.invoiceNumber })}</h1>
        <OrderStatusBadge status={order.status} />
      </header>
      {notice ? <FormMessage tone="success">{t(NOTICES[notice])}</FormMessage> : null}

      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-8">
          <section aria-labelledby="order-details" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
            <h2 id="order-details" className="text-xl font-semibold">
              {t("ordersAdmin.detail.details")}
            </h2>
            <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
              <Item label={t("ordersAdmin.column.date")}>
                <time dateTime={order.createdAtIso}>{order.createdAt}</time>
              </Item>
              <Item label={t("ordersAdmin.column.book")}>
                {order.book.title} — {t("orders.buyer.edition", { number: order.edition })}
              </Item>
              <Item label={t("ordersAdmin.column.customerType")}>
                {t(order.customerType === "organisation" ? "ordersAdmin.customerType.organisation" : "ordersAdmin.customerType.individual")}
              </Item>
              {order.organisation ? <Item label={t("ordersAdmin.column.organisation")}>{order.organisation}</Item> : null}
              <Item label={t("ordersAdmin.column.name")}>{order.name}</Item>
              <Item label={t("ordersAdmin.column.email")}>
                <a href={`mailto:${order.email}`}>{order.email}</a>
              </Item>
              <Item label={t("ordersAdmin.detail.billing")}>
                <Lines lines={order.billing} />
              </Item>
              <Item label={t("ordersAdmin.detail.delivery")}>{order.delivery ? <Lines lines={order.delivery} /> : t("ordersAdmin.detail.sameAsBilling")}</Item>
              <Item label={t("ordersAdmin.column.poNumber")}>{order.poNumber || "—"}</Item>
              <Item label={t("ordersAdmin.column.vatNumber")}>{order.vatNumber || "—"}</Item>
              <Item label={t("ordersAdmin.detail.remarks")}>
                <span className="whitespace-pre-line break-words">{order.remarks || "—"}</span>
              </Item>
            </dl>
          </section>

          <section aria-labelledby="order-price" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
            <h2 id="order-price" className="mb-3 text-xl font-semibold">
              {t("ordersAdmin.detail.price")}
            </h2>
            <PriceBreakdown price={order.price} caption={t("ordersAdmin.detail.priceCaption", { date: order.invoiceDate })} />
            <p className="mt-4 flex flex-wrap gap-4 text-sm">
              <a href={`/admin/bestellingen/${order.id}/factuur.pdf`} download className="font-semibold">
                {t("ordersAdmin.detail.invoice", { number: order.invoiceNumber })}
              </a>
              <a href={buyerLink}>{t("ordersAdmin.detail.buyerPage")}</a>
            </p>
          </section>
        </div>

        <div className="space-y-8">
          <StatusSection key={`status-${key}`} />
          <HistorySection />
          <NotesSection key={`notes-${key}`} />
        </div>
      </div>
    </div>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium text-stone-700">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Lines({ lines }: { lines: string[] }) {
  return (
    <>
      {lines
        .filter((line) => line.trim() !== "")
        .map((line, index) => (
          <span key={index} className="block">
            {line}
          </span>
        ))}
    </>
  );
}

function useResultFor(intent: "status" | "notes") {
  const actionData = useActionData<typeof action>();
  return actionData && actionData.intent === intent ? actionData.result : undefined;
}

function useSubmitting(intent: string): boolean {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

function StatusSection() {
  const t = useT();
  const { order, nextStatuses } = useLoaderData<typeof loader>();
  const busy = useSubmitting("status");
  const [form, fields] = useForm({
    id: "order-status",
    lastResult: useResultFor("status"),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrderStatusFormSchema }),
  });
  const { key: noteKey, ...noteProps } = getTextareaProps(fields.note);
  return (
    <section aria-labelledby="order-status-title" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
      <h2 id="order-status-title" className="text-xl font-semibold">
        {t("ordersAdmin.status.title")}
      </h2>
      <p className="mt-2 text-sm">
        {t("ordersAdmin.status.current")} <OrderStatusBadge status={order.status} />
      </p>
      {nextStatuses.length === 0 ? (
        <p className="mt-3 text-sm text-stone-700">{t("ordersAdmin.status.final")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
          <CsrfInput />
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="expectedStatus" value={order.status} />
          <FormErrors id={form.errorId} errors={form.errors} />
          <fieldset aria-describedby={fields.toStatus.errors ? fields.toStatus.errorId : undefined}>
            <legend className="text-sm font-medium text-stone-800">{t("ordersAdmin.status.to")}</legend>
            <div className="mt-2 space-y-1">
              {nextStatuses.map((status) => (
                <div key={status} className="flex items-center gap-2">
                  <input id={`to-${status}`} type="radio" name="toStatus" value={status} className="h-4 w-4" />
                  <label htmlFor={`to-${status}`}>{t(orderStatusLabel(status))}</label>
                </div>
              ))}
            </div>
            <ErrorList id={fields.toStatus.errorId} errors={fields.toStatus.errors} />
          </fieldset>
          <TextareaField key={noteKey} label={t("ordersAdmin.status.note")} help={t("ordersAdmin.status.noteHelp")} errors={fields.note.errors} textareaProps={{ ...noteProps, rows: 3 }} />
          <SubmitButton busy={busy}>{t("ordersAdmin.status.submit")}</SubmitButton>
        </Form>
      )}
    </section>
  );
}

function HistorySection() {
  const t = useT();
  const { order } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="order-history" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
      <h2 id="order-history" className="text-xl font-semibold">
        {t("ordersAdmin.history.title")}
      </h2>
      <ol className="mt-3 space-y-3 text-sm">
        <li>
          <span className="font-medium">{t("ordersAdmin.history.placed")}</span> · <time dateTime={order.createdAtIso}>{order.createdAt}</time>
        </li>
        {order.history.map((change) => (
          <li key={change.id} data-status-change={change.to}>
            <span className="font-medium">
              {t(orderStatusLabel(change.from))} → {t(orderStatusLabel(change.to))}
            </span>{" "}
            · <time dateTime={change.whenIso}>{change.when}</time> · {change.by ?? t("ordersAdmin.history.unknownActor")}
            {change.note ? <p className="mt-1 whitespace-pre-line break-words border-l-4 border-stone-200 pl-3 text-stone-700">{change.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function NotesSection() {
  const t = useT();
  const { order } = useLoaderData<typeof loader>();
  const busy = useSubmitting("notes");
  const [form, fields] = useForm({
    id: "order-notes",
    lastResult: useResultFor("notes"),
    defaultValue: { notes: order.notes },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrderNotesFormSchema }),
  });
  const { key: notesKey, ...notesProps } = getTextareaProps(fields.notes);
  return (
    <section aria-labelledby="order-notes-title" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
      <h2 id="order-notes-title" className="text-xl font-semibold">
        {t("ordersAdmin.notes.title")}
      </h2>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
        <CsrfInput />
        <input type="hidden" name="intent" value="notes" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField key={notesKey} label={t("ordersAdmin.notes.label")} help={t("ordersAdmin.notes.help")} errors={fields.notes.errors} textareaProps={{ ...notesProps, rows: 5 }} />
        <SubmitButton busy={busy}>{t("ordersAdmin.notes.save")}</SubmitButton>
      </Form>
    </section>
  );
}
