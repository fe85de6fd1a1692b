/**
 * The contract between the collaboration server (server/collab/) and its clients (app/editor/,
 * tests, benchmarks): where to connect, what the document is called, and what a close means.
 */

/** WebSocket path prefix; a chapter's document lives at `${COLLAB_PATH}/<chapterId>`. */
export const COLLAB_PATH = "/collab";

/** The Y.XmlFragment in each chapter's Y.Doc that holds the text (Tiptap Collaboration's default field). */
export const CHAPTER_FRAGMENT = "default";

/** Where a logged-in browser gets a short-lived token for the WebSocket (`{ token, expiresAt }`). */
export function collabTokenUrl(chapterId: string): string {
  return `/api/chapters/${encodeURIComponent(chapterId)}/collab-token`;
}

/** Close codes the server uses after the upgrade; the client shows a message for each. */
export const CLOSE_CODES = {
  /** The session or token expired while connected. */
  sessionExpired: 4401,
  /** The user may not open this chapter (any more). */
  forbidden: 4403,
  /** There is no such chapter. */
  notFound: 4404,
  /** Too many messages in too short a time. */
  tooManyMessages: 4429,
  /** A message could not be decoded; the connection is closed, the document is untouched. */
  malformedMessage: 4400,
  /**
   * A connection that may only suggest sent an update that changes more than suggestions (see
   * server/collab/suggestion-guard.ts); nothing of it is stored. Stops stock clients: resending helps nothing.
   */
  notASuggestion: 4422,
  /**
   * What the user may do changed (e.g. the chapter went into review): reconnect to get the new
   * access. In the 4500 range, which stock y-websocket clients treat as "try again" (4400–4499 stop them).
   */
  accessChanged: 4509,
  /** Too many connections for this user or this document. */
  tooManyConnections: 4430,
  /** The server is shutting down; reconnect shortly. */
  serverShutdown: 4503,
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];
