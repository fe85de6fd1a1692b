import type { MessageSection } from "../locales.ts";

/** Events and workshops: lists, pages, registration, waiting list, presentations. */
export const events = {
  "events.nav": { nl: "Evenementen", en: "Events" },
} as const satisfies MessageSection;
