import { createCookie } from "@remix-run/node";
import { db, type Db } from "./db.server.ts";
import { getEnv } from "./env.server.ts";
import { singleton } from "./singleton.server.ts";
import { hashToken, newSecretToken } from "./tokens.server.ts";

/** How long a login lasts without logging in again. */
export const SESSION_LIFETIME_MS = 1000 * 60 * 60 * 24 * 30;

function sessionCookie() {
  return singleton("session-cookie", () =>
    createCookie("kp_session", {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: (getEnv().APP_URL ?? "").startsWith("https:"),
      secrets: [getEnv().SESSION_SECRET],
      maxAge: SESSION_LIFETIME_MS / 1000,
    }),
  );
}

/** The cookie's secret, or null when the request carries no (validly signed) session cookie. */
async function readSessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The id of the user logged in on this request, or null (expired sessions count as none). */
export async function getSessionUserId(request: Request): Promise<string | null> {
  const token = await readSessionToken(request);
  if (!token) return null;
  const session = await db.session.findUnique({ where: { id: hashToken(token) }, select: { userId: true, expiresAt: true } });
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  return session.userId;
}

/**
 * The stored id of the request's session and its user, or null: for connections that outlive the
 * request (the collaboration WebSocket re-checks `isSessionActive` while it is open).
 */
export async function getSessionRef(request: Request): Promise<{ sessionId: string; userId: string } | null> {
  const token = await readSessionToken(request);
  if (!token) return null;
  const sessionId = hashToken(token);
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { userId: true, expiresAt: true } });
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  return { sessionId, userId: session.userId };
}

/** Whether the session (by stored id) still exists and has not expired; logout and resets end it. */
export async function isSessionActive(sessionId: string): Promise<boolean> {
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { expiresAt: true } });
  return Boolean(session && session.expiresAt.getTime() > Date.now());
}

/**
 * Starts a new session for the user and returns its Set-Cookie header. Any session the request
 * already carried is ended first, so a login always gets a fresh id (no session fixation).
 */
export async function startSession(request: Request, userId: string): Promise<string> {
  await endSessionOf(request);
  const token = newSecretToken();
  await db.session.create({
    data: { id: hashToken(token), userId, expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS) },
  });
  // Housekeeping on login, the one moment we write anyway: drop this user's expired sessions.
  await db.session.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } });
  return sessionCookie().serialize(token);
}

/** Ends the request's session (if any) and returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  await endSessionOf(request);
  return sessionCookie().serialize("", { maxAge: 0 });
}

async function endSessionOf(request: Request): Promise<void> {
  const token = await readSessionToken(request);
  if (token) await db.session.deleteMany({ where: { id: hashToken(token) } });
}

/**
 * Logs the user out everywhere (after a password reset). Pass a transaction client to make it
 * part of the same transaction as the password change.
 */
export async function endAllSessionsOf(userId: string, client: Pick<Db, "session"> = db): Promise<void> {
  await client.session.deleteMany({ where: { userId } });
}
