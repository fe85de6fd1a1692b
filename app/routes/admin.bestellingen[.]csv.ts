import type { LoaderFunctionArgs } from "@remix-run/node";
import { listOrdersForExport, parseOrderFilter } from "#app/models/orders/order-list.server.ts";
import { ordersCsv } from "#app/models/orders/orders-csv.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { csvResponse } from "#app/utils/csv.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";

/** /admin/bestellingen.csv?…: the orders the list's filters select (all pages), for bookkeeping. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:order:any");
  const filter = parseOrderFilter(new URL(request.url).searchParams);
  const [t, orders] = await Promise.all([getTranslator(request), listOrdersForExport(filter)]);
  return csvResponse(ordersCsv(orders, t), `bestellingen-${new Date().toISOString().slice(0, 10)}.csv`);
}
