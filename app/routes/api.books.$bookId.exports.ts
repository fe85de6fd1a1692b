import type { LoaderFunctionArgs } from "@remix-run/node";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { canManageExports, exportEventKey } from "#app/models/export-jobs.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { db } from "#app/utils/db.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";
import { SHUTDOWN_EVENT, subscribe, type LiveEvent } from "#app/utils/live-events.server.ts";

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events with the progress of a book's export jobs (the export page's progress bars):
 * each `data:` line is `{"type":"export-job","jobId",…,"status","step","percent"}`, published by
 * the runner (server/export/jobs/) and when jobs are queued. Editors and admins only, like the page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) return jsonError(request, 401, "error.loginRequired");
  if (!canManageExports(user.role)) return jsonError(request, 403, "exports.forbidden");
  const book = await db.book.findUnique({ where: { id: params.bookId ?? "" }, select: { id: true } });
  if (!book) return jsonError(request, 404, "error.notFound.text");

  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop(); // the stream is already closed
        }
      };
      const unsubscribe = subscribe(exportEventKey(book.id), (event: LiveEvent) => {
        // An open stream would keep a stopping server waiting; the browser reconnects.
        if (event.type === SHUTDOWN_EVENT.type) return stop();
        send(`data: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), HEARTBEAT_MS);
      let stopped = false;
      stop = () => {
        if (stopped) return;
        stopped = true;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed or errored
        }
      };
      request.signal.addEventListener("abort", () => stop(), { once: true });
      // Reconnect after 3 s if the connection drops; the first line also opens the stream at once.
      send("retry: 3000\n: connected\n\n");
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps the compression middleware from buffering the stream.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}

async function jsonError(request: Request, status: number, key: MessageKey) {
  const t = await getTranslator(request);
  return Response.json({ message: t(key) }, { status, headers: { "Cache-Control": "no-store" } });
}
