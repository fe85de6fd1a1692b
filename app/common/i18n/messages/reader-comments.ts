import type { MessageSection } from "../locales.ts";

/** "Laat een reactie achter": readers' reactions and their moderation. */
export const readerComments = {
  "readerComments.heading": { nl: "Reacties", en: "Comments" },
} as const satisfies MessageSection;
