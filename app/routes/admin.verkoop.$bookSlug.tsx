import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { centsToEuroInput, PricingFormSchema } from "#app/common/sale-settings-form.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { ErrorList, Field, FormErrors, FormMessage, SubmitButton } from "#app/components/forms.tsx";
import { findBookPricing, removeBookPricing, saveBookPricing } from "#app/models/orders/pricing.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { db } from "#app/utils/db.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

const MANAGE = "manage:order:any";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.book.title} — ${data.pageTitle} — Kapittel` : "Kapittel" }];

async function findBook(request: Request, slug: string) {
  const book = await db.book.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } });
  if (!book) throw await notFound(request);
  return book;
}

/** /admin/verkoop/<book>: the book's print pricing (unit price, volume discounts, shipping), or not for sale. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, MANAGE);
  const book = await findBook(request, params.bookSlug ?? "");
  const pricing = await findBookPricing(book.id);
  const t = await getTranslator(request);
  return {
    pageTitle: t("ordersAdmin.sale.title"),
    book,
    saved: new URL(request.url).searchParams.get("melding") === "opgeslagen",
    pricing: pricing && {
      unitPrice: centsToEuroInput(pricing.unitPriceCents),
      tiers: pricing.discountTiers.map((tier) => ({ minQuantity: String(tier.minQuantity), percent: String(tier.percent) })),
      shippingNl: centsToEuroInput(pricing.shippingNlCents),
      shippingEu: centsToEuroInput(pricing.shippingEuCents),
      shippingWorld: centsToEuroInput(pricing.shippingWorldCents),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // The form's token first: nothing about the book (not even whether it exists) before we know the form is ours.
  const form = await readForm(request);
  await requireUserWithPermission(request, MANAGE);
  const book = await findBook(request, params.bookSlug ?? "");
  const submission = parseWithZod(form, { schema: PricingFormSchema });
  // Adding or removing a discount row without JavaScript: the form comes back with the change.
  if (submission.status === undefined) return data({ result: submission.reply() });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const pricing = submission.value;
  if (pricing.forSale) await saveBookPricing(book.id, pricing.rules);
  else await removeBookPricing(book.id);
  return redirect(`/admin/verkoop/${book.slug}?melding=opgeslagen`);
}

export default function BookPricingPage() {
  const t = useT();
  const { book, saved } = useLoaderData<typeof loader>();
  const { key } = useLocation();
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link to="/admin/verkoop">← {t("ordersAdmin.sale.title")}</Link>
      </p>
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">{t("ordersAdmin.pricing.title", { title: book.title })}</h1>
        <p className="mt-3 text-stone-700">{t("ordersAdmin.pricing.intro")}</p>
      </header>
      {saved ? <FormMessage tone="success">{t("ordersAdmin.pricing.saved")}</FormMessage> : null}
      <PricingForm key={key} />
    </div>
  );
}

function PricingForm() {
  const t = useT();
  const { pricing } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [forSale, setForSale] = useState(pricing !== null);
  const [form, fields] = useForm({
    id: "pricing",
    lastResult: useActionData<typeof action>()?.result,
    defaultValue: pricing ? { ...pricing, forSale: "on" } : { tiers: [] },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PricingFormSchema }),
  });
  const amount = (field: typeof fields.unitPrice) => {
    const { key, ...props } = getInputProps(field, { type: "text" });
    return { key, props: { ...props, inputMode: "decimal" as const, autoComplete: "off" } };
  };
  const unitPrice = amount(fields.unitPrice);
  const shippingNl = amount(fields.shippingNl);
  const shippingEu = amount(fields.shippingEu);
  const shippingWorld = amount(fields.shippingWorld);
  const tiers = fields.tiers.getFieldList();
  const fieldset = "space-y-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm";
  const legend = "px-1 text-lg font-semibold";
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <CsrfInput />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="flex items-start gap-2 rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <input
          id="pricing-for-sale"
          type="checkbox"
          name="forSale"
          checked={forSale}
          onChange={(event) => setForSale(event.target.checked)}
          aria-describedby="pricing-for-sale-help"
          className="mt-1 h-4 w-4 rounded border-stone-400"
        />
        <div>
          <label htmlFor="pricing-for-sale" className="font-medium">
            {t("ordersAdmin.pricing.forSale")}
          </label>
          <p id="pricing-for-sale-help" className="text-sm text-stone-600">
            {t("ordersAdmin.pricing.forSaleHelp")}
          </p>
        </div>
      </div>

      {/* Hidden rather than removed when sale is off, so switching it back on keeps what was typed. */}
      <div hidden={!forSale} className="space-y-6">
        <fieldset className={fieldset}>
          <legend className={legend}>{t("ordersAdmin.pricing.copy")}</legend>
          <Field key={unitPrice.key} label={t("ordersAdmin.pricing.unitPrice")} help={t("ordersAdmin.pricing.amountHelp")} errors={fields.unitPrice.errors} inputProps={unitPrice.props} />
        </fieldset>

        <fieldset className={fieldset}>
          <legend className={legend}>{t("ordersAdmin.pricing.tiers")}</legend>
          <p className="text-sm text-stone-600">{t("ordersAdmin.pricing.tiersHelp")}</p>
          <ErrorList id={fields.tiers.errorId} errors={fields.tiers.errors} />
          {tiers.length === 0 ? <p className="text-sm">{t("ordersAdmin.pricing.noTiers")}</p> : null}
          <ol className="space-y-3">
            {tiers.map((tier, index) => {
              const row = tier.getFieldset();
              const { key: quantityKey, ...quantityProps } = getInputProps(row.minQuantity, { type: "text" });
              const { key: percentKey, ...percentProps } = getInputProps(row.percent, { type: "text" });
              return (
                <li key={tier.key} className="flex flex-wrap items-end gap-4" aria-label={t("ordersAdmin.pricing.tierLabel", { number: index + 1 })}>
                  <Field key={quantityKey} className="w-40" label={t("ordersAdmin.pricing.tierQuantity")} errors={row.minQuantity.errors} inputProps={{ ...quantityProps, inputMode: "numeric", autoComplete: "off" }} />
                  <Field key={percentKey} className="w-40" label={t("ordersAdmin.pricing.tierPercent")} errors={row.percent.errors} inputProps={{ ...percentProps, inputMode: "numeric", autoComplete: "off" }} />
                  <button
                    {...form.remove.getButtonProps({ name: fields.tiers.name, index })}
                    className="mb-1 rounded-md border border-stone-300 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50"
                  >
                    {t("ordersAdmin.pricing.removeTier", { number: index + 1 })}
                  </button>
                </li>
              );
            })}
          </ol>
          <button
            {...form.insert.getButtonProps({ name: fields.tiers.name, defaultValue: { minQuantity: "", percent: "" } })}
            className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
          >
            {t("ordersAdmin.pricing.addTier")}
          </button>
        </fieldset>

        <fieldset className={fieldset}>
          <legend className={legend}>{t("ordersAdmin.pricing.shipping")}</legend>
          <p className="text-sm text-stone-600">{t("ordersAdmin.pricing.shippingHelp")}</p>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field key={shippingNl.key} label={t("ordersAdmin.pricing.shippingNl")} errors={fields.shippingNl.errors} inputProps={shippingNl.props} />
            <Field key={shippingEu.key} label={t("ordersAdmin.pricing.shippingEu")} errors={fields.shippingEu.errors} inputProps={shippingEu.props} />
            <Field key={shippingWorld.key} label={t("ordersAdmin.pricing.shippingWorld")} errors={fields.shippingWorld.errors} inputProps={shippingWorld.props} />
          </div>
        </fieldset>
      </div>
      <SubmitButton busy={busy}>{t("ordersAdmin.pricing.save")}</SubmitButton>
    </Form>
  );
}
