import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { formatCents, formatDate } from "#app/common/format.ts";
import { ORDER_COUNTRIES, OrderFieldsSchema, OrderFormSchema } from "#app/common/order-form.ts";
import { MAX_ORDER_QUANTITY } from "#app/common/order-pricing.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { CheckboxField, Field, FormMessage, SelectField, SubmitButton, TextareaField } from "#app/components/forms.tsx";
import { PriceBreakdown } from "#app/components/orders/price-breakdown.tsx";
import { isIdempotencyKey, newIdempotencyKey } from "#app/models/orders/order-access.server.ts";
import { orderLink } from "#app/models/orders/order-emails.server.ts";
import { orderPageData } from "#app/models/orders/order-page.server.ts";
import { OrderRefused, placeOrder, quoteOrder } from "#app/models/orders/place-order.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { httpError, notFound } from "#app/utils/http.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { useLocale, useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" }];

/** "Bestel het boek": printed copies on invoice. The price is always the server's (order-pricing.ts). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await orderPageData(params.bookSlug ?? "");
  if (!page) throw await notFound(request);
  const t = await getTranslator(request);
  const locale = await getLocale(request);
  return {
    pageTitle: t("orders.form.title", { title: page.book.title }),
    book: page.book,
    editions: page.editions.map((edition) => ({ id: edition.id, label: t("orders.form.editionOption", { number: edition.number, date: formatDate(edition.frozenAt, locale) }) })),
    pricing: page.pricing
      ? {
          unitPrice: formatCents(page.pricing.unitPriceCents),
          tiers: page.pricing.discountTiers,
          shipping: { nl: formatCents(page.pricing.shippingNlCents), eu: formatCents(page.pricing.shippingEuCents), world: formatCents(page.pricing.shippingWorldCents) },
        }
      : null,
    idempotencyKey: newIdempotencyKey(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const page = await orderPageData(params.bookSlug ?? "");
  if (!page) throw await notFound(request);
  const submission = parseWithZod(form, { schema: OrderFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), quote: null, priceChanged: false }, { status: 400 });
  const idempotencyKey = form.get("idempotencyKey");
  if (!isIdempotencyKey(idempotencyKey)) throw await httpError(request, 400, "orders.error.expired");
  try {
    const quote = await quoteOrder(page.book.id, submission.value);
    // The buyer confirms the price they were shown; if the order changed since, show the new price first.
    // (The shown total is only compared, never used: the order gets the price computed here.)
    const confirmedTotal = Number(form.get("quotedTotalCents"));
    if (form.get("intent") !== "confirm" || confirmedTotal !== quote.totalCents) {
      return { result: submission.reply(), quote, priceChanged: form.get("intent") === "confirm" };
    }
    const placed = await placeOrder(page.book.id, submission.value, idempotencyKey);
    return redirect(orderLink(placed.token));
  } catch (error) {
    if (error instanceof OrderRefused) return data({ result: submission.reply({ formErrors: [error.reason] }), quote: null, priceChanged: false }, { status: 400 });
    throw error;
  }
}

export default function OrderPage() {
  const t = useT();
  const { book, editions, pricing, idempotencyKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "order",
    lastResult: actionData?.result,
    constraint: getZodConstraint(OrderFieldsSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { quantity: "1", customerType: "individual", billingCountry: "NL", editionId: editions[0]?.id ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrderFormSchema }),
  });
  const [separateDelivery, setSeparateDelivery] = useState(fields.separateDelivery.initialValue === "on");
  const [customerType, setCustomerType] = useState(fields.customerType.initialValue ?? "individual");
  const quote = actionData && "quote" in actionData ? actionData.quote : null;

  if (!pricing || editions.length === 0) {
    return (
      <div className="mx-auto max-w-3xl">
        <h1 className="font-serif text-4xl font-semibold tracking-tight">{t("orders.form.title", { title: book.title })}</h1>
        <p className="mt-4 text-lg">{t("orders.error.notForSale")}</p>
      </div>
    );
  }

  const text = (field: FieldMetadata<string | undefined>, label: string, autoComplete?: string, type: "text" | "email" = "text") => {
    const { key, ...props } = getInputProps(field, { type });
    return <Field key={key} label={label} errors={field.errors} inputProps={{ ...props, autoComplete }} />;
  };
  const countries = ORDER_COUNTRIES.map((code) => ({ value: code, label: t(`orders.country.${code}`) }));
  const country = (field: FieldMetadata<string | undefined>, label: string, autoComplete: string) => {
    const { key, ...props } = getSelectProps(field);
    return <SelectField key={key} label={label} errors={field.errors} options={countries} selectProps={{ ...props, autoComplete }} />;
  };
  const { key: quantityKey, ...quantityProps } = getInputProps(fields.quantity, { type: "number" });
  const { key: editionKey, ...editionProps } = getSelectProps(fields.editionId);
  const { key: remarksKey, ...remarksProps } = getTextareaProps(fields.remarks);

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header>
        <h1 className="font-serif text-4xl font-semibold tracking-tight">{t("orders.form.title", { title: book.title })}</h1>
        <p className="mt-3 text-lg text-stone-700">{t("orders.form.intro")}</p>
      </header>

      <section aria-labelledby="order-price-rule" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="order-price-rule" className="text-lg font-semibold">
          {t("orders.rule.title")}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          <li>{t("orders.rule.unit", { price: pricing.unitPrice })}</li>
          {pricing.tiers.map((tier) => (
            <li key={tier.minQuantity}>{t("orders.rule.tier", { quantity: tier.minQuantity, percent: tier.percent })}</li>
          ))}
          <li>{t("orders.rule.shipping", pricing.shipping)}</li>
          <li>{t("orders.rule.vat")}</li>
        </ul>
      </section>

      <Form method="post" {...getFormProps(form)} className="space-y-8">
        <CsrfInput />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {form.errors?.map((error) => (
          <FormMessage key={error} tone="error">
            {t(error as Parameters<typeof t>[0])}
          </FormMessage>
        ))}

        <fieldset className="space-y-4">
          <legend className="text-xl font-semibold">{t("orders.form.what")}</legend>
          <SelectField key={editionKey} label={t("orders.form.edition")} errors={fields.editionId.errors} options={editions.map((e) => ({ value: e.id, label: e.label }))} selectProps={editionProps} />
          <Field key={quantityKey} label={t("orders.form.quantity")} help={t("orders.form.quantityHelp", { max: MAX_ORDER_QUANTITY })} errors={fields.quantity.errors} inputProps={{ ...quantityProps, inputMode: "numeric" }} />
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="text-xl font-semibold">{t("orders.form.who")}</legend>
          <div role="radiogroup" aria-labelledby="order-customer-type" className="space-y-2">
            <p id="order-customer-type" className="text-sm font-medium">
              {t("orders.form.customerType")}
            </p>
            {(["individual", "organisation"] as const).map((value) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input type="radio" name={fields.customerType.name} value={value} checked={customerType === value} onChange={() => setCustomerType(value)} />
                {t(`orders.form.customerType.${value}`)}
              </label>
            ))}
          </div>
          {text(fields.name, t("orders.form.name"), "name")}
          {text(fields.organisation, t(customerType === "organisation" ? "orders.form.organisationRequired" : "orders.form.organisation"), "organization")}
          {text(fields.email, t("orders.form.email"), "email", "email")}
          {customerType === "organisation" && (
            <>
              {text(fields.poNumber, t("orders.form.poNumber"))}
              {text(fields.vatNumber, t("orders.form.vatNumber"))}
            </>
          )}
        </fieldset>

        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="text-xl font-semibold">{t("orders.form.billing")}</legend>
          {text(fields.billingStreet, t("orders.form.street"), "address-line1")}
          {text(fields.billingNumber, t("orders.form.houseNumber"))}
          {text(fields.billingPostcode, t("orders.form.postcode"), "postal-code")}
          {text(fields.billingCity, t("orders.form.city"), "address-level2")}
          {country(fields.billingCountry, t("orders.form.country"), "country")}
        </fieldset>

        <CheckboxField
          label={t("orders.form.separateDelivery")}
          errors={fields.separateDelivery.errors}
          inputProps={{ name: fields.separateDelivery.name, defaultChecked: separateDelivery, onChange: (event) => setSeparateDelivery(event.target.checked) }}
        />
        {separateDelivery && (
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="text-xl font-semibold">{t("orders.form.delivery")}</legend>
            {text(fields.deliveryName, t("orders.form.deliveryName"))}
            {text(fields.deliveryStreet, t("orders.form.street"))}
            {text(fields.deliveryNumber, t("orders.form.houseNumber"))}
            {text(fields.deliveryPostcode, t("orders.form.postcode"))}
            {text(fields.deliveryCity, t("orders.form.city"))}
            {country(fields.deliveryCountry as FieldMetadata<string | undefined>, t("orders.form.country"), "off")}
          </fieldset>
        )}

        <TextareaField key={remarksKey} label={t("orders.form.remarks")} errors={fields.remarks.errors} textareaProps={remarksProps} />

        {quote && (
          <section aria-labelledby="order-quote" aria-live="polite" className="rounded-lg border-2 border-teal-800 bg-white p-5">
            <h2 id="order-quote" className="sr-only">
              {t("orders.form.quoteTitle")}
            </h2>
            {actionData?.priceChanged && <FormMessage tone="error">{t("orders.form.priceChanged")}</FormMessage>}
            <PriceBreakdown price={quote} caption={t("orders.form.quoteTitle")} />
            <input type="hidden" name="quotedTotalCents" value={quote.totalCents} />
            <p className="mt-3 text-sm text-stone-700">{t("orders.form.invoiceNote")}</p>
          </section>
        )}

        <div className="flex flex-wrap gap-3">
          {quote ? (
            <>
              <button type="submit" name="intent" value="confirm" disabled={busy} className="rounded-md bg-teal-800 px-5 py-2.5 font-semibold text-white hover:bg-teal-900 disabled:opacity-60">
                {t("orders.form.confirm")}
              </button>
              <button type="submit" name="intent" value="review" disabled={busy} className="rounded-md border border-stone-400 px-5 py-2.5 font-semibold">
                {t("orders.form.recalculate")}
              </button>
            </>
          ) : (
            <SubmitButton busy={busy}>{t("orders.form.review")}</SubmitButton>
          )}
        </div>
      </Form>
    </div>
  );
}
