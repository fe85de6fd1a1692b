import type { MessageSection } from "../locales.ts";

/** Exports of the book to EPUB and PDF: jobs, progress, history, editions. */
export const exports = {
  "exports.title": { nl: "Export", en: "Export" },
  "exports.step.preparing": { nl: "Voorbereiden", en: "Preparing" },
  "exports.step.chapters": { nl: "Hoofdstukken omzetten", en: "Converting chapters" },
  "exports.step.assembling": { nl: "Boek samenstellen", en: "Assembling the book" },
  "exports.step.checking": { nl: "Controleren", en: "Checking" },
} as const satisfies MessageSection;
