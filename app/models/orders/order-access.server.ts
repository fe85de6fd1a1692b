import { createHmac, randomBytes } from "node:crypto";
import { getEnv } from "#app/utils/env.server.ts";
import { hashToken } from "#app/utils/tokens.server.ts";

/**
 * The two secrets of an order. The order form carries a fresh random idempotency key; submitting
 * it twice (double click, retry, back button) makes one order. The buyer's private link is derived
 * from that key with the server's secret, so a repeated submission leads to the same link without
 * the link itself ever being stored (only its hash is).
 */

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{32,64}$/;

export function newIdempotencyKey(): string {
  return randomBytes(24).toString("base64url");
}

export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === "string" && IDEMPOTENCY_KEY.test(value);
}

/** The secret in the buyer's link for the order made with this key. */
export function orderAccessToken(idempotencyKey: string): string {
  // Domain-separated from the other uses of SESSION_SECRET.
  return createHmac("sha256", `kapittel-order-link:${getEnv().SESSION_SECRET}`).update(idempotencyKey).digest("base64url");
}

export const orderAccessTokenHash = hashToken;
