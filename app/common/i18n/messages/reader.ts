import type { MessageSection } from "../locales.ts";

/** The reader's side of the book: the public book page and reading an edition online. */
export const reader = {
  "reader.readOnline": { nl: "Lees online", en: "Read online" },
} as const satisfies MessageSection;
