import type { LoaderFunctionArgs } from "@remix-run/node";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { commentAccess, findChapterForComments } from "#app/models/comments.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";
import { SHUTDOWN_EVENT, subscribe, type LiveEvent } from "#app/utils/live-events.server.ts";

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events for everyone who has a chapter open in the editor: each event published for
 * the chapter (app/utils/live-events.server.ts) is one `data: {"type":…}` message; clients refetch
 * what changed through the permission-checked routes. Same access as the comments (authors of the
 * chapter's organisations, editors, admins). The hub lives in this process: with several
 * processes behind a load balancer, events would need a relay between them (issue #10).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) return jsonError(request, 401, "error.loginRequired");
  const chapter = await findChapterForComments(params.chapterId ?? "");
  if (!chapter) return jsonError(request, 404, "error.notFound.text");
  if (commentAccess(user, chapter) === "none") return jsonError(request, 403, "comments.error.forbidden");

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
      const unsubscribe = subscribe(chapter.id, (event: LiveEvent) => {
        // An open stream would keep a stopping server waiting; the browser reconnects elsewhere.
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
      // The browser left (tab closed, navigation): Remix aborts the request's signal.
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
