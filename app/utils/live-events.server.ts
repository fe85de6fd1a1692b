import { singleton } from "./singleton.server.ts";

/**
 * Something that happened to a chapter that people who have it open should react to at once.
 * `type` says what (e.g. "comments": the threads changed, refetch them); other fields are hints
 * only: clients always refetch through routes that check permissions, so an event carries no
 * content a listener might not be allowed to see.
 */
export type LiveEvent = { type: string } & Record<string, unknown>;
export type LiveEventListener = (event: LiveEvent) => void;

/**
 * An in-process hub: each chapter's listeners (Server-Sent Events streams, see
 * app/routes/api.chapters.$chapterId.events.ts) get what is published for that chapter.
 * A process-wide singleton because the Remix bundle and the server carry their own copies of app
 * modules. It only reaches listeners in this process: running several processes would need a
 * relay between them (Redis pub/sub, PostgreSQL LISTEN/NOTIFY — issue #10).
 */
function listenersByChapter(): Map<string, Set<LiveEventListener>> {
  return singleton("live-events", () => new Map<string, Set<LiveEventListener>>());
}

/** Tells everyone listening to the chapter; a listener that throws does not stop the others. */
export function publish(chapterId: string, event: LiveEvent): void {
  const listeners = listenersByChapter().get(chapterId);
  if (!listeners) return;
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch (error) {
      console.warn(JSON.stringify({ event: "live-events.listener-failed", chapterId, type: event.type, error: String(error) }));
    }
  }
}

/** Listens to a chapter's events; returns the function that stops listening. */
export function subscribe(chapterId: string, listener: LiveEventListener): () => void {
  const byChapter = listenersByChapter();
  let listeners = byChapter.get(chapterId);
  if (!listeners) byChapter.set(chapterId, (listeners = new Set()));
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && byChapter.get(chapterId) === listeners) byChapter.delete(chapterId);
  };
}

/** How many listen to a chapter now (for tests and diagnostics). */
export function listenerCount(chapterId: string): number {
  return listenersByChapter().get(chapterId)?.size ?? 0;
}

/** Sent to every listener when the server stops, so that open streams end (clients reconnect). */
export const SHUTDOWN_EVENT: LiveEvent = { type: "server-shutdown" };

/** Tells every listener of every chapter that the server is stopping (server/app.ts, at close). */
export function announceShutdown(): void {
  for (const chapterId of [...listenersByChapter().keys()]) publish(chapterId, SHUTDOWN_EVENT);
}
