import type { MessageKey } from "./i18n/catalogue.ts";

/** Kinds of partner organisation. */
export const ORGANISATION_KINDS = ["municipality", "province", "company", "knowledge_institute"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABEL: Record<OrganisationKind, MessageKey> = {
  municipality: "organisation.kind.municipality",
  province: "organisation.kind.province",
  company: "organisation.kind.company",
  knowledge_institute: "organisation.kind.knowledge_institute",
};

/** Partnership tiers. */
export const PARTNERSHIP_TIERS = ["premium", "partner"] as const;
export type PartnershipTier = (typeof PARTNERSHIP_TIERS)[number];

export const PARTNERSHIP_TIER_LABEL: Record<PartnershipTier, MessageKey> = {
  premium: "organisation.tier.premium",
  partner: "organisation.tier.partner",
};

/** The partnership fee range from the programme's offer, in whole euros excluding VAT. */
export const PARTNERSHIP_FEE_MIN_EUR = 7500;
export const PARTNERSHIP_FEE_MAX_EUR = 12500;
