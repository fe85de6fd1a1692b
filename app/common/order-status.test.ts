import { expect, test } from "vitest";
import { canChangeOrderStatus, ORDER_STATUSES } from "./order-status.ts";

test("orders move forward only, and can be cancelled until they are shipped", () => {
  const allowed = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.filter((to) => canChangeOrderStatus(from, to)).map((to) => `${from}→${to}`));
  expect(allowed).toEqual(["new→invoiced", "new→cancelled", "invoiced→paid", "invoiced→cancelled", "paid→shipped", "paid→cancelled"]);
  expect(canChangeOrderStatus("bogus", "new")).toBe(false);
});
