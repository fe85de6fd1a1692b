import type { MessageSection } from "../locales.ts";

/** "Tool aandragen": submitting a tool, confirming by e-mail, moderation, attachments. */
export const toolSubmissions = {
  "toolSubmissions.title": { nl: "Tool aandragen", en: "Submit a tool" },
} as const satisfies MessageSection;
