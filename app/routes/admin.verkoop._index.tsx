import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { formatCents } from "#app/common/format.ts";
import { SellerFormSchema } from "#app/common/sale-settings-form.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { DataTable } from "#app/components/data-table.tsx";
import { Field, FormErrors, FormMessage, SubmitButton, TextareaField } from "#app/components/forms.tsx";
import { listBooksWithPricing } from "#app/models/orders/pricing.server.ts";
import { getSellerDetails, saveSellerDetails } from "#app/models/orders/seller.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";

const MANAGE = "manage:order:any";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ordersAdmin.sale.title", "admin.title");

/** /admin/verkoop: the seller on the invoice, and which books are for sale at what price. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, MANAGE);
  const [seller, books] = await Promise.all([getSellerDetails(), listBooksWithPricing()]);
  return {
    seller,
    saved: new URL(request.url).searchParams.get("melding") === "opgeslagen",
    books: books.map((book) => ({ slug: book.slug, title: book.title, price: book.unitPriceCents === null ? null : formatCents(book.unitPriceCents) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  await requireUserWithPermission(request, MANAGE);
  const submission = parseWithZod(form, { schema: SellerFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await saveSellerDetails(submission.value);
  return redirect("/admin/verkoop?melding=opgeslagen");
}

export default function SaleSettingsPage() {
  const t = useT();
  const { books, saved } = useLoaderData<typeof loader>();
  const { key } = useLocation();
  return (
    <div className="max-w-3xl space-y-8">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">{t("ordersAdmin.sale.title")}</h1>
        <p className="mt-3 text-stone-700">{t("ordersAdmin.sale.intro")}</p>
      </header>
      {saved ? <FormMessage tone="success">{t("ordersAdmin.seller.saved")}</FormMessage> : null}

      <section aria-labelledby="sale-books" className="space-y-3">
        <h2 id="sale-books" className="text-xl font-semibold">
          {t("ordersAdmin.sale.books")}
        </h2>
        <DataTable
          labelledBy="sale-books"
          columns={[{ label: t("ordersAdmin.column.book") }, { label: t("ordersAdmin.sale.unitPrice"), numeric: true }, { label: t("ordersAdmin.sale.edit"), hiddenLabel: true }]}
        >
          {books.map((book) => (
            <tr key={book.slug}>
              <td className="px-4 py-2">{book.title}</td>
              <td className="px-4 py-2 text-right tabular-nums">{book.price ?? t("ordersAdmin.sale.notForSale")}</td>
              <td className="px-4 py-2 text-right">
                <Link to={`/admin/verkoop/${book.slug}`} aria-label={t("ordersAdmin.sale.editBook", { title: book.title })}>
                  {t("ordersAdmin.sale.edit")}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      <SellerForm key={key} />
    </div>
  );
}

function SellerForm() {
  const t = useT();
  const { seller } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "seller",
    lastResult: useActionData<typeof action>()?.result,
    defaultValue: { ...seller, paymentTermDays: String(seller.paymentTermDays) },
    constraint: getZodConstraint(SellerFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SellerFormSchema }),
  });
  const text = (field: typeof fields.name, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const { key, ...props } = getInputProps(field, { type: "text" });
    return { key, props: { ...props, ...extra } };
  };
  const name = text(fields.name, { autoComplete: "organization" });
  const kvk = text(fields.chamberOfCommerce, { inputMode: "numeric", autoComplete: "off" });
  const vat = text(fields.vatNumber, { autoComplete: "off", spellCheck: false });
  const iban = text(fields.iban, { autoComplete: "off", spellCheck: false });
  const { key: termKey, ...termInput } = getInputProps(fields.paymentTermDays, { type: "text" });
  const term = { key: termKey, props: { ...termInput, inputMode: "numeric" as const, autoComplete: "off" } };
  const { key: emailKey, ...emailProps } = getInputProps(fields.email, { type: "email" });
  const { key: addressKey, ...addressProps } = getTextareaProps(fields.address);
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-5 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h2 className="text-xl font-semibold">{t("ordersAdmin.seller.title")}</h2>
      <p className="text-sm text-stone-700">{t("ordersAdmin.seller.intro")}</p>
      <CsrfInput />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field key={name.key} label={t("ordersAdmin.seller.name")} errors={fields.name.errors} inputProps={name.props} />
      <TextareaField key={addressKey} label={t("ordersAdmin.seller.address")} help={t("ordersAdmin.seller.addressHelp")} errors={fields.address.errors} textareaProps={{ ...addressProps, rows: 3 }} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field key={kvk.key} label={t("ordersAdmin.seller.kvk")} help={t("ordersAdmin.seller.kvkHelp")} errors={fields.chamberOfCommerce.errors} inputProps={kvk.props} />
        <Field key={vat.key} label={t("ordersAdmin.seller.vatNumber")} errors={fields.vatNumber.errors} inputProps={vat.props} />
        <Field key={iban.key} label={t("ordersAdmin.seller.iban")} help={t("ordersAdmin.seller.ibanHelp")} errors={fields.iban.errors} inputProps={iban.props} />
        <Field key={term.key} label={t("ordersAdmin.seller.paymentTerm")} help={t("ordersAdmin.seller.paymentTermHelp")} errors={fields.paymentTermDays.errors} inputProps={term.props} />
      </div>
      <Field key={emailKey} label={t("ordersAdmin.seller.email")} errors={fields.email.errors} inputProps={{ ...emailProps, autoComplete: "email" }} />
      <SubmitButton busy={busy}>{t("ordersAdmin.seller.save")}</SubmitButton>
    </Form>
  );
}
