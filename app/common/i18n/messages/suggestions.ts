import type { MessageSection } from "../locales.ts";

/** Review workflow: suggestions. */
export const suggestions = {
} as const satisfies MessageSection;
