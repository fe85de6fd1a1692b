import type { MessageSection } from "../locales.ts";

/** Tool cards: references from the book to the toolbox. */
export const toolCards = {
  "toolCards.insert": { nl: "Tool invoegen", en: "Insert tool" },
} as const satisfies MessageSection;
