import type { MessageSection } from "../locales.ts";

/** Review workflow: revisions. */
export const revisions = {
} as const satisfies MessageSection;
