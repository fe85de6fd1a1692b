import type { MessageSection } from "../locales.ts";

/** Search over chapters, tools, events and partners. */
export const search = {
  "search.label": { nl: "Zoeken", en: "Search" },
} as const satisfies MessageSection;
