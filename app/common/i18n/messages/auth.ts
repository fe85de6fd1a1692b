import type { MessageSection } from "../locales.ts";

export const auth = {} satisfies MessageSection;
