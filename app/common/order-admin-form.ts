import { z } from "zod";
import { ORDER_STATUSES } from "./order-status.ts";

/** The forms on the admins' order page, for browser and server alike. Messages are catalogue keys. */

export const STATUS_NOTE_MAX = 1000;
export const ORDER_NOTES_MAX = 5000;

/** A status change: where the admin saw the order (to refuse a stale click), where it goes, and why. */
export const OrderStatusFormSchema = z.object({
  intent: z.literal("status"),
  expectedStatus: z.enum(ORDER_STATUSES, { error: "ordersAdmin.status.invalid" }),
  toStatus: z.enum(ORDER_STATUSES, { error: "ordersAdmin.status.choose" }),
  note: z.string().trim().max(STATUS_NOTE_MAX, { error: "form.tooLong" }).default(""),
});

/** The admins' notes on an order (replaced as a whole). */
export const OrderNotesFormSchema = z.object({
  intent: z.literal("notes"),
  notes: z.string().trim().max(ORDER_NOTES_MAX, { error: "form.tooLong" }).default(""),
});
