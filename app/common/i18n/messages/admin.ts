import type { MessageSection } from "../locales.ts";

export const admin = {
  "organisation.kind.municipality": { nl: "Gemeente", en: "Municipality" },
  "organisation.kind.province": { nl: "Provincie", en: "Province" },
  "organisation.kind.company": { nl: "Bedrijf", en: "Company" },
  "organisation.kind.knowledge_institute": { nl: "Kennisinstelling", en: "Knowledge institute" },
  "organisation.tier.premium": { nl: "Premium partner", en: "Premium partner" },
  "organisation.tier.partner": { nl: "Partner", en: "Partner" },
} satisfies MessageSection;
