import type { MessageKey } from "./i18n/catalogue.ts";

/** The editorial states a chapter moves through, in workflow order. */
export const CHAPTER_STATUSES = ["draft", "in_review", "changes_requested", "approved", "published"] as const;
export type ChapterStatus = (typeof CHAPTER_STATUSES)[number];

export function isChapterStatus(value: unknown): value is ChapterStatus {
  return typeof value === "string" && (CHAPTER_STATUSES as readonly string[]).includes(value);
}

/** The catalogue key of each state's label (concept, ter review, …). */
export const CHAPTER_STATUS_LABEL: Record<ChapterStatus, MessageKey> = {
  draft: "chapter.status.draft",
  in_review: "chapter.status.in_review",
  changes_requested: "chapter.status.changes_requested",
  approved: "chapter.status.approved",
  published: "chapter.status.published",
};
