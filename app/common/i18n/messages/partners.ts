import type { MessageSection } from "../locales.ts";

/** The knowledge platform's partner pages. */
export const partners = {
  "partners.nav": { nl: "Partners", en: "Partners" },
  "partners.title": { nl: "Partners", en: "Partners" },
  "partners.intro": {
    nl: "Gemeenten, provincies, bedrijven en kennisinstellingen die samen het boek schrijven en de instrumenten ontwikkelen.",
    en: "Municipalities, provinces, companies and knowledge institutions that write the book and develop the instruments together.",
  },
  "partners.chapters": { nl: "Hoofdstukken", en: "Chapters" },
  "partners.noChapters": { nl: "Nog geen gepubliceerde hoofdstukken.", en: "No published chapters yet." },
  "partners.tools": { nl: "Tools in de gereedschapskist", en: "Tools in the toolbox" },
  "partners.website": { nl: "Website", en: "Website" },
  "partners.back": { nl: "Alle partners", en: "All partners" },
} as const satisfies MessageSection;
