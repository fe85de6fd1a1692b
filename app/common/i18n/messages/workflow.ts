import type { MessageSection } from "../locales.ts";

/** Review workflow: workflow. */
export const workflow = {
} as const satisfies MessageSection;
