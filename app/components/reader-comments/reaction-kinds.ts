/**
 * Names shared by the reactions' pages and models (browser and server): the states of a
 * reaction, the kinds of page it hangs under, and its anchor in the page.
 */
export const READER_COMMENT_STATUSES = ["pending", "approved", "hidden"] as const;
export type ReaderCommentStatus = (typeof READER_COMMENT_STATUSES)[number];

export function isReaderCommentStatus(value: unknown): value is ReaderCommentStatus {
  return typeof value === "string" && (READER_COMMENT_STATUSES as readonly string[]).includes(value);
}

/** What readers can react to: a published chapter, a published tool, a published event. */
export const READER_COMMENT_TARGET_TYPES = ["chapter", "tool", "event"] as const;
export type ReaderCommentTargetType = (typeof READER_COMMENT_TARGET_TYPES)[number];

export function isReaderCommentTargetType(value: unknown): value is ReaderCommentTargetType {
  return typeof value === "string" && (READER_COMMENT_TARGET_TYPES as readonly string[]).includes(value);
}

/** How a reaction is anchored in its page, so links (the reply e-mail, moderation) land on it. */
export function reactionAnchor(reactionId: string): string {
  return `reactie-${reactionId}`;
}
