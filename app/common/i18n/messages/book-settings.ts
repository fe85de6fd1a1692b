import type { MessageSection } from "../locales.ts";

/** Book settings and the arrangement of parts and chapters. */
export const bookSettings = {
  "bookSettings.title": { nl: "Boekinstellingen", en: "Book settings" },
} as const satisfies MessageSection;
