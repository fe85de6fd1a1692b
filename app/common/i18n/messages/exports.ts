import type { MessageSection } from "../locales.ts";

/** Exports of the book to EPUB and PDF: jobs, progress, history, editions. */
export const exports = {
  "exports.title": { nl: "Export", en: "Export" },
} as const satisfies MessageSection;
