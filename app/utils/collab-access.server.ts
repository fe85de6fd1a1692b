import type * as Y from "yjs";
import { singleton } from "./singleton.server.ts";

/** What a running collaboration service (server/collab/) offers the rest of the app. */
export type ChapterAccessRefresher = {
  refreshChapterAccess: (chapterId: string) => Promise<void>;
  withDocument: <T>(chapterId: string, fn: (doc: Y.Doc) => T) => Promise<T | null>;
};

/**
 * The collaboration services running in this process. A process-wide singleton because the Remix
 * bundle and the server each carry their own copy of app modules; this way Remix code (the review
 * workflow) reaches the server's service without importing server/ into the browser-facing build.
 */
export function runningCollabServices(): Set<ChapterAccessRefresher> {
  return singleton("collab-services", () => new Set<ChapterAccessRefresher>());
}

/**
 * Re-decides access for every open live-document connection of the chapter: call it after a
 * status change (approved or published makes them read-only at once) or a membership change.
 * Connections that lost access are closed with 4403. Does nothing when no service runs.
 */
export async function refreshChapterAccess(chapterId: string): Promise<void> {
  await Promise.all([...runningCollabServices()].map((service) => service.refreshChapterAccess(chapterId)));
}

/**
 * Reads or changes a chapter's live document through the running collaboration service, so that a
 * change (a restored revision, an import) reaches everyone editing it like anyone's edit and is
 * stored before this resolves. Null when there is no such chapter. Throws when no service runs in
 * this process: changing the stored document behind a running service's back would be lost.
 */
export async function withChapterDocument<T>(chapterId: string, fn: (doc: Y.Doc) => T): Promise<T | null> {
  const [service] = runningCollabServices();
  if (!service) throw new Error("No collaboration service runs in this process");
  return service.withDocument(chapterId, fn);
}
