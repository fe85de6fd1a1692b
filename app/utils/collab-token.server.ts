import { createHmac } from "node:crypto";
import { getEnv } from "./env.server.ts";
import { safeEqual } from "./tokens.server.ts";

/** How long a collaboration token may be used to open a connection. */
export const COLLAB_TOKEN_LIFETIME_MS = 5 * 60 * 1000;

/** What a valid collaboration token vouches for. */
export type CollabTokenClaims = { userId: string; chapterId: string; expiresAt: Date };

// Domain-separated from the cookie signatures that share SESSION_SECRET.
const signature = (payload: string) =>
  createHmac("sha256", `kapittel-collab-token:${getEnv().SESSION_SECRET}`).update(payload).digest("base64url");

/**
 * A short-lived token that lets the user open one chapter's WebSocket without a cookie
 * (`<payload>.<HMAC-SHA256>`, signed with SESSION_SECRET). It only proves who asked for it and
 * for which chapter: access is still decided when the connection opens.
 */
export function createCollabToken(userId: string, chapterId: string, now = Date.now()): { token: string; expiresAt: Date } {
  const expiresAt = new Date(now + COLLAB_TOKEN_LIFETIME_MS);
  const payload = Buffer.from(JSON.stringify({ u: userId, c: chapterId, e: expiresAt.getTime() })).toString("base64url");
  return { token: `${payload}.${signature(payload)}`, expiresAt };
}

/** The claims of a well-signed, unexpired token; null for anything else. */
export function verifyCollabToken(token: string, now = Date.now()): CollabTokenClaims | null {
  const [payload, mac, ...rest] = token.split(".");
  if (!payload || !mac || rest.length > 0 || !safeEqual(mac, signature(payload))) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { u?: unknown; c?: unknown; e?: unknown };
    if (typeof claims.u !== "string" || typeof claims.c !== "string" || typeof claims.e !== "number") return null;
    if (claims.e <= now) return null;
    return { userId: claims.u, chapterId: claims.c, expiresAt: new Date(claims.e) };
  } catch {
    return null;
  }
}
