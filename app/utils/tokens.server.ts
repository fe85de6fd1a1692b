import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A fresh secret for a link or cookie: 32 random bytes, URL-safe. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * What we store of a secret: its SHA-256. The secrets are random and long, so a plain hash is
 * enough, and a copy of the database then holds no working session, invitation or reset link.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Compares two strings in constant time (for secrets). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
