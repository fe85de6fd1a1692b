import type { IncomingMessage } from "node:http";
import { COLLAB_PATH } from "#app/common/collab.ts";
import { chapterDocumentAccess, isRole, type DocumentAccess, type UserAccessFacts } from "#app/common/permissions.ts";
import { findChapterAccessFacts } from "#app/models/chapters.server.ts";
import { verifyCollabToken } from "#app/utils/collab-token.server.ts";
import { db } from "#app/utils/db.server.ts";
import { getSessionRef } from "#app/utils/session.server.ts";
import { allowedOrigins } from "../http/origin-check.ts";

/**
 * Who opened a connection, to which chapter, and what they may do there (decided once, here).
 * `sessionId` is set when the session cookie opened it: the connection lives only as long as that session.
 */
export type CollabIdentity = { userId: string; chapterId: string; access: ConnectionAccess; sessionId?: string };

/** What an open connection may do: write, suggest (updates checked by the suggestion guard) or read. */
export type ConnectionAccess = Exclude<DocumentAccess, "none">;

/** An upgrade refused before the WebSocket exists: answered with this HTTP status. */
export class UpgradeRefused extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404,
    message: string,
  ) {
    super(message);
  }
}

/** The chapter id in `/collab/<chapterId>`, or null for any other path. */
export function chapterIdFromPath(url: string | undefined): string | null {
  const { pathname } = new URL(url ?? "/", "http://localhost");
  if (!pathname.startsWith(`${COLLAB_PATH}/`)) return null;
  try {
    const id = decodeURIComponent(pathname.slice(COLLAB_PATH.length + 1));
    return id && !id.includes("/") ? id : null;
  } catch {
    return null;
  }
}

/**
 * Decides an upgrade: Origin (cross-site WebSocket hijacking: a browser always sends Origin, and a
 * page elsewhere must not ride on the user's cookie), then who it is (the `token` query parameter,
 * else the session cookie), then the chapter and the access level. Throws UpgradeRefused.
 */
export async function authenticateUpgrade(request: IncomingMessage, appUrl: string | undefined): Promise<CollabIdentity> {
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedOrigins(request.headers.host, appUrl).has(origin)) {
    throw new UpgradeRefused(403, "origin not allowed");
  }
  const chapterId = chapterIdFromPath(request.url);
  if (!chapterId) throw new UpgradeRefused(404, "no chapter in the path");

  const who = await requestUser(request, chapterId);
  if (!who) throw new UpgradeRefused(401, "no valid session or token");

  const access = await documentAccess(who.userId, chapterId);
  if (access === "missing") throw new UpgradeRefused(404, "no such chapter");
  if (access === "none") throw new UpgradeRefused(403, "no access to this chapter");
  return { ...who, chapterId, access };
}

async function requestUser(request: IncomingMessage, chapterId: string): Promise<{ userId: string; sessionId?: string } | null> {
  const token = new URL(request.url ?? "/", "http://localhost").searchParams.get("token");
  if (token) {
    const claims = verifyCollabToken(token);
    // A token for another chapter is no token at all: it cannot be replayed elsewhere.
    return claims && claims.chapterId === chapterId ? { userId: claims.userId } : null;
  }
  const cookie = request.headers.cookie;
  if (!cookie) return null;
  return getSessionRef(new Request("http://localhost/", { headers: { Cookie: cookie } }));
}

/** What the user may do with the chapter's live document now; `missing` when there is no chapter. */
export async function documentAccess(userId: string, chapterId: string): Promise<DocumentAccess | "missing"> {
  const [chapter, user] = await Promise.all([findChapterAccessFacts(chapterId), userAccessFacts(userId)]);
  if (!chapter) return "missing";
  // A deleted account keeps nothing, not even what a visitor may read.
  return user ? chapterDocumentAccess(user, chapter) : "none";
}

async function userAccessFacts(userId: string): Promise<UserAccessFacts> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { role: true, memberships: { select: { organisationId: true } } },
  });
  if (!user) return null;
  return { role: isRole(user.role) ? user.role : "reader", organisationIds: user.memberships.map((m) => m.organisationId) };
}
