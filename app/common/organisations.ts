import { z } from "zod";
import type { MessageKey } from "./i18n/catalogue.ts";
import { nameSchema } from "./validation.ts";

/** Kinds of partner organisation. */
export const ORGANISATION_KINDS = ["municipality", "province", "company", "knowledge_institute"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export function isOrganisationKind(value: unknown): value is OrganisationKind {
  return typeof value === "string" && (ORGANISATION_KINDS as readonly string[]).includes(value);
}

export const ORGANISATION_KIND_LABEL: Record<OrganisationKind, MessageKey> = {
  municipality: "organisation.kind.municipality",
  province: "organisation.kind.province",
  company: "organisation.kind.company",
  knowledge_institute: "organisation.kind.knowledge_institute",
};

/** Partnership tiers. */
export const PARTNERSHIP_TIERS = ["premium", "partner"] as const;
export type PartnershipTier = (typeof PARTNERSHIP_TIERS)[number];

export function isPartnershipTier(value: unknown): value is PartnershipTier {
  return typeof value === "string" && (PARTNERSHIP_TIERS as readonly string[]).includes(value);
}

export const PARTNERSHIP_TIER_LABEL: Record<PartnershipTier, MessageKey> = {
  premium: "organisation.tier.premium",
  partner: "organisation.tier.partner",
};

/** The partnership fee range from the programme's offer, in whole euros excluding VAT. */
export const PARTNERSHIP_FEE_MIN_EUR = 7500;
export const PARTNERSHIP_FEE_MAX_EUR = 12500;

/** A slug: lower-case letters and digits, words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 60;

/**
 * An organisation as the create and edit forms submit it, and as the model accepts it: the
 * same rules in the browser, the action and every other caller. Messages are catalogue keys.
 * An empty slug means "make one from the name"; an empty fee means "no fee agreed".
 */
export const OrganisationSchema = z.object({
  name: nameSchema,
  slug: z
    .string()
    .trim()
    .max(SLUG_MAX_LENGTH, { error: "form.tooLong" })
    .regex(SLUG_PATTERN, { error: "organisation.slug.invalid" })
    .optional(),
  kind: z.enum(ORGANISATION_KINDS, { error: "form.invalidChoice" }),
  tier: z.enum(PARTNERSHIP_TIERS, { error: "form.invalidChoice" }),
  feeEuros: z
    .number({ error: "organisation.fee.notANumber" })
    .int({ error: "organisation.fee.range" })
    .min(PARTNERSHIP_FEE_MIN_EUR, { error: "organisation.fee.range" })
    .max(PARTNERSHIP_FEE_MAX_EUR, { error: "organisation.fee.range" })
    .optional(),
  feePaid: z.boolean().default(false),
  description: z.string().trim().max(2000, { error: "form.tooLong" }).default(""),
  website: z
    .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "organisation.website.invalid" })
    .max(300, { error: "form.tooLong" })
    .optional(),
});
export type OrganisationInput = z.input<typeof OrganisationSchema>;
