import type { LoaderFunctionArgs } from "@remix-run/node";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { chapterDocumentAccess } from "#app/common/permissions.ts";
import { findChapterAccessFacts } from "#app/models/chapters.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { createCollabToken } from "#app/utils/collab-token.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";

/**
 * A short-lived token for the chapter's collaboration WebSocket (`{ token, expiresAt, access }`),
 * for clients whose upgrade cannot carry the cookie. Requires a session and access to the chapter.
 * `access` (write, suggest or read) is what the server will grant now, so the editor can be read-only
 * (or suggest-only) at once.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) return jsonError(request, 401, "error.loginRequired");
  const chapter = await findChapterAccessFacts(params.chapterId ?? "");
  if (!chapter) return jsonError(request, 404, "error.notFound.text");
  const access = chapterDocumentAccess(user, chapter);
  if (access === "none") return jsonError(request, 403, "error.forbidden");
  const { token, expiresAt } = createCollabToken(user.id, chapter.id);
  return Response.json({ token, expiresAt: expiresAt.toISOString(), access }, { headers: { "Cache-Control": "no-store" } });
}

// A resource route answers errors as JSON too: the editor shows the message.
async function jsonError(request: Request, status: number, key: MessageKey) {
  const t = await getTranslator(request);
  return Response.json({ message: t(key) }, { status, headers: { "Cache-Control": "no-store" } });
}
