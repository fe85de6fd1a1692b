import type { LoaderFunctionArgs } from "@remix-run/node";
import { canManageExports, exportEventKey } from "#app/models/export-jobs.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { db } from "#app/utils/db.server.ts";
import { eventStreamError, liveEventStream } from "#app/utils/event-stream.server.ts";

/**
 * Server-Sent Events with the progress of a book's export jobs (the export page's progress bars):
 * each `data:` line is `{"type":"export-job","jobId",…,"status","step","percent"}`, published by
 * the runner (server/export/jobs/) and when jobs are queued. Editors and admins only, like the page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) return eventStreamError(request, 401, "error.loginRequired");
  if (!canManageExports(user.role)) return eventStreamError(request, 403, "exports.forbidden");
  const book = await db.book.findUnique({ where: { id: params.bookId ?? "" }, select: { id: true } });
  if (!book) return eventStreamError(request, 404, "error.notFound.text");
  return liveEventStream(request, exportEventKey(book.id));
}
