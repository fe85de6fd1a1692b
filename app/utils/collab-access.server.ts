import { singleton } from "./singleton.server.ts";

/** What a running collaboration service (server/collab/) offers the rest of the app. */
export type ChapterAccessRefresher = { refreshChapterAccess: (chapterId: string) => Promise<void> };

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
