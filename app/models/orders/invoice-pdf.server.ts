import { formatCents, formatDate } from "#app/common/format.ts";
import { compileTypst } from "#server/export/pdf/typst-compiler.ts";
import { typstString } from "#server/export/pdf/typst-syntax.ts";
import type { OrderSummary } from "./order-summary.ts";
import type { SellerDetails } from "./seller.server.ts";

/**
 * The invoice as a PDF (Typst, the book's fonts, tagged PDF/UA-1). Every piece of text from the
 * order or the settings enters the source as a Typst string literal (`#"…"`), so nothing a buyer
 * typed can become markup or code.
 */
export async function renderInvoicePdf(order: OrderSummary, seller: SellerDetails): Promise<Uint8Array> {
  const result = await compileTypst({ source: invoiceSource(order, seller), files: new Map(), pdfStandard: "ua-1" });
  return result.pdf;
}

const s = (text: string | number) => `#${typstString(String(text))}`;
const lines = (parts: string[]) => parts.filter((part) => part.trim() !== "").map(s).join(" \\\n");

export function invoiceSource(order: OrderSummary, seller: SellerDetails): string {
  const due = new Date(order.invoiceDate.getTime() + seller.paymentTermDays * 24 * 60 * 60 * 1000);
  const vatLabel =
    order.vatTreatment === "standard" ? `Btw ${order.vatRateBasisPoints / 100}%` : order.vatTreatment === "reverse_charge" ? "Btw verlegd" : "Btw 0% (export buiten de EU)";
  const row = (label: string, amount: string) => `[${s(label)}], [${s(amount)}],`;
  return `
#set document(title: ${typstString(`Factuur ${order.invoiceNumber}`)}, author: ${typstString(seller.name)})
#set page(paper: "a4", margin: (x: 2.2cm, y: 2.4cm))
#set text(font: "EB Garamond", size: 11pt, lang: "nl")
#set par(justify: false)

#grid(columns: (1fr, 1fr), gutter: 1cm,
  [
    #text(size: 16pt, weight: "bold")[${s(seller.name)}] \\
    ${lines(seller.address.split("\n"))}
  ],
  align(right)[
    ${lines([seller.chamberOfCommerce && `KvK ${seller.chamberOfCommerce}`, seller.vatNumber && `Btw-nr. ${seller.vatNumber}`, seller.iban && `IBAN ${seller.iban}`, seller.email])}
  ],
)

#v(1.2cm)
#grid(columns: (1fr, 1fr), gutter: 1cm,
  [
    ${lines([order.organisation, order.name, `${order.billingStreet} ${order.billingNumber}`, `${order.billingPostcode} ${order.billingCity}`, order.billingCountry === "NL" ? "" : order.billingCountry])}
  ],
  align(right)[
    #table(columns: 2, stroke: none, align: (left, right), inset: (x: 0pt, y: 2pt), column-gutter: 12pt,
      [${s("Factuurnummer")}], [${s(order.invoiceNumber)}],
      [${s("Factuurdatum")}], [${s(formatDate(order.invoiceDate, "nl"))}],
      [${s("Vervaldatum")}], [${s(formatDate(due, "nl"))}],
      ${order.poNumber ? `[${s("Uw inkoopordernummer")}], [${s(order.poNumber)}],` : ""}
      ${order.vatNumber ? `[${s("Uw btw-nummer")}], [${s(order.vatNumber)}],` : ""}
    )
  ],
)

#v(1cm)
#heading(level: 1)[${s(`Factuur ${order.invoiceNumber}`)}]

#table(
  columns: (1fr, auto, auto, auto),
  align: (left, right, right, right),
  stroke: (x, y) => if y == 0 { (bottom: 0.6pt) } else { none },
  table.header([${s("Omschrijving")}], [${s("Aantal")}], [${s("Prijs")}], [${s("Bedrag")}]),
  [${s(`${order.book.title}, editie ${order.edition.number}`)}], [${s(order.quantity)}], [${s(formatCents(order.unitPriceCents))}], [${s(formatCents(order.subtotalCents))}],
)

#align(right)[
  #table(columns: 2, stroke: none, align: (left, right), column-gutter: 18pt,
    ${order.discountCents > 0 ? row(`Staffelkorting ${order.discountPercent}%`, `− ${formatCents(order.discountCents)}`) : ""}
    ${row("Verzendkosten", formatCents(order.shippingCents))}
    ${row("Subtotaal exclusief btw", formatCents(order.subtotalCents - order.discountCents + order.shippingCents))}
    ${row(vatLabel, formatCents(order.vatCents))}
    table.hline(stroke: 0.6pt),
    [#strong[${s("Totaal")}]], [#strong[${s(formatCents(order.totalCents))}]],
  )
]

#v(1cm)
${s(`Wij verzoeken u het totaalbedrag binnen ${seller.paymentTermDays} dagen over te maken${seller.iban ? ` naar ${seller.iban}` : ""} onder vermelding van factuurnummer ${order.invoiceNumber}.`)}
${order.vatTreatment === "reverse_charge" ? `\n\n${s("Btw verlegd naar de afnemer (artikel 196 btw-richtlijn).")}` : ""}
`;
}
