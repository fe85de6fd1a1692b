import type { MessageSection } from "../locales.ts";

/** Review workflow: comments. */
export const comments = {
} as const satisfies MessageSection;
