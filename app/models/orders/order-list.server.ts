import { amsterdamLocalToDate } from "#app/common/events.ts";
import { ORDER_FILTER_PARAMS } from "#app/common/order-filter-params.ts";
import { isOrderStatus, type OrderStatus } from "#app/common/order-status.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/utils/db.server.ts";

/** How many orders one page of the admins' list shows. */
export const ORDER_PAGE_SIZE = 50;

/** The filters of the admins' order list, as they live in the URL; every one is optional and they combine. */
export type OrderFilter = {
  status: OrderStatus | null;
  bookId: string | null;
  customerType: "individual" | "organisation" | null;
  /** Searched in name, organisation, invoice number and PO number. */
  query: string;
  /** Days in Amsterdam ("2026-11-01"), both inclusive. */
  from: string | null;
  to: string | null;
  page: number;
};


const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filter from the URL; a value that means nothing (a typo, a hand-edited link) is dropped, never an error. */
export function parseOrderFilter(params: URLSearchParams): OrderFilter {
  const get = (name: string) => params.get(name)?.trim() ?? "";
  const status = get(ORDER_FILTER_PARAMS.status);
  const customerType = get(ORDER_FILTER_PARAMS.customerType);
  const day = (name: string) => {
    const value = get(name);
    return DAY.test(value) && dayStart(value) ? value : null;
  };
  const page = Number.parseInt(get(ORDER_FILTER_PARAMS.page), 10);
  return {
    status: isOrderStatus(status) ? status : null,
    bookId: get(ORDER_FILTER_PARAMS.bookId).slice(0, 40) || null,
    customerType: customerType === "individual" || customerType === "organisation" ? customerType : null,
    query: get(ORDER_FILTER_PARAMS.query).slice(0, 100),
    from: day(ORDER_FILTER_PARAMS.from),
    to: day(ORDER_FILTER_PARAMS.to),
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 10_000) : 1,
  };
}

/** The filter back as query parameters (page left out unless asked), for links and the CSV export. */
export function orderFilterSearch(filter: OrderFilter, page: number | null = null): string {
  const params = new URLSearchParams();
  if (filter.status) params.set(ORDER_FILTER_PARAMS.status, filter.status);
  if (filter.bookId) params.set(ORDER_FILTER_PARAMS.bookId, filter.bookId);
  if (filter.customerType) params.set(ORDER_FILTER_PARAMS.customerType, filter.customerType);
  if (filter.query) params.set(ORDER_FILTER_PARAMS.query, filter.query);
  if (filter.from) params.set(ORDER_FILTER_PARAMS.from, filter.from);
  if (filter.to) params.set(ORDER_FILTER_PARAMS.to, filter.to);
  if (page && page > 1) params.set(ORDER_FILTER_PARAMS.page, String(page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The first moment of a day in Amsterdam. */
function dayStart(day: string): Date | null {
  return amsterdamLocalToDate(`${day}T00:00`);
}

/** The first moment of the day after, so "to" includes its whole day. */
function dayEnd(day: string): Date | null {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  return dayStart(next);
}

function whereOf(filter: OrderFilter): Prisma.OrderWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  const from = filter.from ? dayStart(filter.from) : null;
  const to = filter.to ? dayEnd(filter.to) : null;
  if (from) createdAt.gte = from;
  if (to) createdAt.lt = to;
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.bookId ? { bookId: filter.bookId } : {}),
    ...(filter.customerType ? { customerType: filter.customerType } : {}),
    ...(from || to ? { createdAt } : {}),
    ...(filter.query
      ? {
          OR: [
            { name: { contains: filter.query } },
            { organisation: { contains: filter.query } },
            { invoiceNumber: { contains: filter.query } },
            { poNumber: { contains: filter.query } },
          ],
        }
      : {}),
  };
}

const LIST_SELECT = {
  id: true,
  invoiceNumber: true,
  createdAt: true,
  status: true,
  customerType: true,
  name: true,
  organisation: true,
  email: true,
  quantity: true,
  poNumber: true,
  vatNumber: true,
  billingCity: true,
  billingCountry: true,
  subtotalCents: true,
  discountCents: true,
  shippingCents: true,
  vatCents: true,
  totalCents: true,
  book: { select: { title: true } },
  edition: { select: { number: true } },
} satisfies Prisma.OrderSelect;

export type OrderListRow = Prisma.OrderGetPayload<{ select: typeof LIST_SELECT }>;

/** One page of the orders matching the filter, newest first, with how many match in all. */
export async function listOrders(filter: OrderFilter): Promise<{ orders: OrderListRow[]; total: number; page: number; pages: number }> {
  const where = whereOf(filter);
  const total = await db.order.count({ where });
  const pages = Math.max(1, Math.ceil(total / ORDER_PAGE_SIZE));
  const page = Math.min(filter.page, pages);
  const orders = await db.order.findMany({
    where,
    // The invoice number breaks ties: orders made in the same millisecond keep their sequence.
    orderBy: [{ createdAt: "desc" }, { invoiceNumber: "desc" }],
    skip: (page - 1) * ORDER_PAGE_SIZE,
    take: ORDER_PAGE_SIZE,
    select: LIST_SELECT,
  });
  return { orders, total, page, pages };
}

/** Every order matching the filter (no paging), newest first, for the CSV export. */
export function listOrdersForExport(filter: OrderFilter): Promise<OrderListRow[]> {
  return db.order.findMany({ where: whereOf(filter), orderBy: [{ createdAt: "desc" }, { invoiceNumber: "desc" }], select: LIST_SELECT });
}

/** The books that have orders or are for sale, for the list's book filter. */
export function listBooksForOrderFilter(): Promise<{ id: string; title: string }[]> {
  return db.book.findMany({
    where: { OR: [{ orders: { some: {} } }, { pricing: { isNot: null } }] },
    orderBy: { title: "asc" },
    select: { id: true, title: true },
  });
}
