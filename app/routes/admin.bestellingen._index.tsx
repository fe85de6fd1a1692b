import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatCents, formatDate } from "#app/common/format.ts";
import { ORDER_FILTER_PARAMS } from "#app/common/order-filter-params.ts";
import { ORDER_STATUSES, orderStatusLabel } from "#app/common/order-status.ts";
import { DataTable } from "#app/components/data-table.tsx";
import { FilterForm } from "#app/components/filter-form.tsx";
import { OrderStatusBadge } from "#app/components/orders/order-status-badge.tsx";
import { listBooksForOrderFilter, listOrders, orderFilterSearch, parseOrderFilter } from "#app/models/orders/order-list.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { getLocale } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "ordersAdmin.list.title", "admin.title"), { name: "robots", content: "noindex" }];

/** /admin/bestellingen: every order, newest first, filtered by what the URL says, fifty a page. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:order:any");
  const filter = parseOrderFilter(new URL(request.url).searchParams);
  const [locale, list, books] = await Promise.all([getLocale(request), listOrders(filter), listBooksForOrderFilter()]);
  // A page past the end (an old link, fewer orders now) shows the last page instead.
  if (list.page !== filter.page && filter.page > 1) throw redirect(`/admin/bestellingen${orderFilterSearch(filter, list.page)}`);
  return {
    filter: {
      status: filter.status ?? "",
      bookId: filter.bookId ?? "",
      customerType: filter.customerType ?? "",
      query: filter.query,
      from: filter.from ?? "",
      to: filter.to ?? "",
    },
    search: orderFilterSearch(filter),
    books: books.map((book) => ({ value: book.id, label: book.title })),
    total: list.total,
    page: list.page,
    pages: list.pages,
    orders: list.orders.map((order) => ({
      id: order.id,
      invoiceNumber: order.invoiceNumber,
      date: formatDate(order.createdAt, locale),
      dateIso: order.createdAt.toISOString(),
      name: order.name,
      organisation: order.organisation,
      book: order.book.title,
      quantity: order.quantity,
      total: formatCents(order.totalCents),
      status: order.status,
    })),
  };
}

export default function OrderListPage() {
  const t = useT();
  const { filter, search, books, total, page, pages, orders } = useLoaderData<typeof loader>();
  const P = ORDER_FILTER_PARAMS;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-2xl">
          <h1 className="text-3xl font-semibold tracking-tight">{t("ordersAdmin.list.title")}</h1>
          <p className="mt-3 text-stone-700">{t("ordersAdmin.list.intro")}</p>
        </div>
        <p className="flex flex-wrap gap-4 text-sm">
          <a href={`/admin/bestellingen.csv${search}`} download className="font-medium">
            {t("ordersAdmin.list.csv")}
          </a>
          <Link to="/admin/verkoop">{t("ordersAdmin.list.settingsLink")}</Link>
        </p>
      </header>

      <FilterForm
        label={t("ordersAdmin.filter.label")}
        idPrefix="bestellingen"
        allLabel={t("ordersAdmin.filter.all")}
        submitLabel={t("ordersAdmin.filter.submit")}
        clear={{ to: "/admin/bestellingen", label: t("ordersAdmin.filter.reset") }}
        choices={[
          { name: P.status, label: t("ordersAdmin.filter.status"), value: filter.status, options: ORDER_STATUSES.map((status) => ({ value: status, label: t(orderStatusLabel(status)) })) },
          { name: P.bookId, label: t("ordersAdmin.filter.book"), value: filter.bookId, options: books },
          {
            name: P.customerType,
            label: t("ordersAdmin.filter.customerType"),
            value: filter.customerType,
            options: [
              { value: "organisation", label: t("ordersAdmin.customerType.organisation") },
              { value: "individual", label: t("ordersAdmin.customerType.individual") },
            ],
          },
        ]}
        inputs={[
          { name: P.query, label: t("ordersAdmin.filter.query"), value: filter.query, type: "search" },
          { name: P.from, label: t("ordersAdmin.filter.from"), value: filter.from, type: "date" },
          { name: P.to, label: t("ordersAdmin.filter.to"), value: filter.to, type: "date" },
        ]}
      />

      <p className="text-sm text-stone-700" role="status">
        {total === 1 ? t("ordersAdmin.list.countOne") : t("ordersAdmin.list.count", { count: total })}
      </p>

      {orders.length === 0 ? (
        <p>{t("ordersAdmin.list.none")}</p>
      ) : (
        <DataTable
          caption={t("ordersAdmin.list.caption")}
          columns={[
            { label: t("ordersAdmin.column.invoiceNumber") },
            { label: t("ordersAdmin.column.date") },
            { label: t("ordersAdmin.column.buyer") },
            { label: t("ordersAdmin.column.book") },
            { label: t("ordersAdmin.column.quantity"), numeric: true },
            { label: t("ordersAdmin.column.total"), numeric: true },
            { label: t("ordersAdmin.column.status") },
          ]}
        >
          {orders.map((order) => (
            <tr key={order.id} data-order={order.invoiceNumber}>
              <td className="px-4 py-2 font-medium">
                <Link to={`/admin/bestellingen/${order.id}`}>{order.invoiceNumber}</Link>
              </td>
              <td className="px-4 py-2 whitespace-nowrap">
                <time dateTime={order.dateIso}>{order.date}</time>
              </td>
              <td className="px-4 py-2">
                {order.organisation ? (
                  <>
                    <span className="font-medium">{order.organisation}</span>
                    <span className="block text-stone-600">{order.name}</span>
                  </>
                ) : (
                  order.name
                )}
              </td>
              <td className="px-4 py-2">{order.book}</td>
              <td className="px-4 py-2 text-right tabular-nums">{order.quantity}</td>
              <td className="px-4 py-2 text-right tabular-nums whitespace-nowrap">{order.total}</td>
              <td className="px-4 py-2">
                <OrderStatusBadge status={order.status} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      {pages > 1 ? (
        <nav aria-label={t("ordersAdmin.list.pages")} className="flex items-center gap-4 text-sm">
          {page > 1 ? (
            <Link to={pageLink(search, page - 1)} rel="prev">
              ← {t("ordersAdmin.list.previous")}
            </Link>
          ) : null}
          <span>{t("ordersAdmin.list.pageOf", { page, pages })}</span>
          {page < pages ? (
            <Link to={pageLink(search, page + 1)} rel="next">
              {t("ordersAdmin.list.next")} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

/** The same filters on another page. */
function pageLink(search: string, page: number): string {
  const params = new URLSearchParams(search);
  if (page > 1) params.set(ORDER_FILTER_PARAMS.page, String(page));
  else params.delete(ORDER_FILTER_PARAMS.page);
  const query = params.toString();
  return `/admin/bestellingen${query ? `?${query}` : ""}`;
}
