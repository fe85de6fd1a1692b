/** An event the server published for a chapter (app/utils/live-events.server.ts), or "open" after each (re)connect. */
export type ChapterEvent = { type: string } & Record<string, unknown>;
type Listener = (event: ChapterEvent) => void;

/** One EventSource per chapter for the whole page, however many parts of the editor listen. */
const streams = new Map<string, { source: EventSource; listeners: Set<Listener> }>();

export function chapterEventsUrl(chapterId: string): string {
  return `/api/chapters/${encodeURIComponent(chapterId)}/events`;
}

/**
 * Listens to a chapter's live events (Server-Sent Events). Listeners also get `{ type: "open" }`
 * whenever the stream (re)connects: events sent while it was down are lost, so refetch then.
 * Returns the function that stops listening; the stream closes with its last listener.
 */
export function subscribeToChapterEvents(chapterId: string, listener: Listener): () => void {
  let stream = streams.get(chapterId);
  if (!stream) {
    const source = new EventSource(chapterEventsUrl(chapterId));
    const created = { source, listeners: new Set<Listener>() };
    const dispatch = (event: ChapterEvent) => created.listeners.forEach((l) => l(event));
    source.addEventListener("open", () => dispatch({ type: "open" }));
    source.addEventListener("message", (message: MessageEvent<string>) => {
      try {
        const event = JSON.parse(message.data) as unknown;
        if (event && typeof event === "object" && typeof (event as ChapterEvent).type === "string") dispatch(event as ChapterEvent);
      } catch {
        // Not ours: ignore.
      }
    });
    streams.set(chapterId, (stream = created));
  }
  stream.listeners.add(listener);
  const current = stream;
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size === 0) {
      current.source.close();
      if (streams.get(chapterId) === current) streams.delete(chapterId);
    }
  };
}
