import type { LoaderFunctionArgs } from "@remix-run/node";
import { commentAccess, findChapterForComments } from "#app/models/comments.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { eventStreamError, liveEventStream } from "#app/utils/event-stream.server.ts";

/**
 * Server-Sent Events for everyone who has a chapter open in the editor: each event published for
 * the chapter (app/utils/live-events.server.ts) is one `data: {"type":…}` message; clients refetch
 * what changed through the permission-checked routes. Same access as the comments (authors of the
 * chapter's organisations, editors, admins). With REDIS_URL set, events published on another
 * process arrive here too (docs/decisions/022).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) return eventStreamError(request, 401, "error.loginRequired");
  const chapter = await findChapterForComments(params.chapterId ?? "");
  if (!chapter) return eventStreamError(request, 404, "error.notFound.text");
  if (commentAccess(user, chapter) === "none") return eventStreamError(request, 403, "comments.error.forbidden");
  return liveEventStream(request, chapter.id);
}
