import type { LoaderFunctionArgs } from "@remix-run/node";
import { findOrderForAdmin } from "#app/models/orders/admin-order.server.ts";
import { renderInvoicePdf } from "#app/models/orders/invoice-pdf.server.ts";
import { getSellerDetails } from "#app/models/orders/seller.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { notFound } from "#app/utils/http.server.ts";

/** The invoice of an order for the admins: the same PDF the buyer downloads from their private link. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:order:any");
  const order = await findOrderForAdmin(params.orderId ?? "");
  if (!order) throw await notFound(request, "ordersAdmin.notFound");
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
