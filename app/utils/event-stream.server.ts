import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { getTranslator } from "./i18n.server.ts";
import { SHUTDOWN_EVENT, subscribe, whenRelayed, type LiveEvent } from "./live-events.server.ts";

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * A Server-Sent Events response that forwards every event published on the live-events hub under
 * `key` as one `data: {…}` message, until the browser leaves or the server stops. Routes check
 * permissions before calling this; the events themselves carry no content (clients refetch).
 */
export function liveEventStream(request: Request, key: string): Response {
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
      const unsubscribe = subscribe(key, (event: LiveEvent) => {
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
      send("retry: 3000\n\n");
      // "connected" once events from other processes arrive too (at once with one process).
      void whenRelayed(key).then(() => stopped || send(": connected\n\n"));
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

/** A stream route's refusal: a JSON message in the person's language. */
export async function eventStreamError(request: Request, status: number, key: MessageKey): Promise<Response> {
  const t = await getTranslator(request);
  return Response.json({ message: t(key) }, { status, headers: { "Cache-Control": "no-store" } });
}
