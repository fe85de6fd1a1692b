import type { LoaderFunctionArgs } from "@remix-run/node";
import { findOrderByToken } from "#app/models/orders/buyer-order.server.ts";
import { renderInvoicePdf } from "#app/models/orders/invoice-pdf.server.ts";
import { getSellerDetails } from "#app/models/orders/seller.server.ts";
import { notFound } from "#app/utils/http.server.ts";

/** The invoice of an order, made from what was stored at ordering, for whoever holds the private link. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const order = await findOrderByToken(params.token ?? "");
  if (!order) throw await notFound(request);
  const pdf = await renderInvoicePdf(order, await getSellerDetails());
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.byteLength),
      "Content-Disposition": `attachment; filename="factuur-${order.invoiceNumber}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
