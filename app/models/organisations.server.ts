import { OrganisationSchema, SLUG_MAX_LENGTH, type OrganisationInput } from "#app/common/organisations.ts";
import { db } from "#app/utils/db.server.ts";
import { isUniqueConstraintError } from "#app/utils/db-errors.server.ts";
import { detectImageType, storeImage } from "./images.server.ts";

/** The outcome of saving an organisation; a slug someone else has is an expected outcome. */
export type SaveOrganisationResult = { status: "saved"; id: string; slug: string } | { status: "slug-taken" };

/** The partner organisations by name, with how many people write for each. */
export async function listOrganisations() {
  const organisations = await db.organisation.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      kind: true,
      tier: true,
      feeEuros: true,
      feePaid: true,
      _count: { select: { memberships: true } },
    },
  });
  return organisations.map(({ _count, ...organisation }) => ({ ...organisation, memberCount: _count.memberships }));
}

/** Names and ids of all organisations, for choosing one in a form. */
export function listOrganisationChoices() {
  return db.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** One organisation with its members (by name), or null. */
export async function getOrganisation(id: string) {
  const organisation = await db.organisation.findUnique({
    where: { id },
    include: {
      memberships: {
        select: { user: { select: { id: true, name: true, email: true, role: true } } },
        orderBy: { user: { name: "asc" } },
      },
    },
  });
  if (!organisation) return null;
  const { memberships, ...fields } = organisation;
  return { ...fields, members: memberships.map((membership) => membership.user) };
}

/** Counts and fee totals (whole euros) over all organisations, for the overview and the list. */
export async function summariseOrganisations() {
  const organisations = await db.organisation.findMany({ select: { feeEuros: true, feePaid: true } });
  const withFee = organisations.filter((organisation) => organisation.feeEuros !== null);
  const paid = withFee.filter((organisation) => organisation.feePaid);
  const sum = (list: typeof organisations) => list.reduce((total, organisation) => total + (organisation.feeEuros ?? 0), 0);
  return {
    count: organisations.length,
    withFee: withFee.length,
    paid: paid.length,
    feeTotal: sum(withFee),
    feePaidTotal: sum(paid),
  };
}

/**
 * Creates an organisation. The input is checked against the same schema the form uses, so
 * no caller can store a fee outside the agreed range; a schema violation throws.
 */
export async function createOrganisation(input: OrganisationInput): Promise<SaveOrganisationResult> {
  const fields = OrganisationSchema.parse(input);
  const slug = fields.slug ?? (await freeSlugFor(fields.name));
  try {
    const organisation = await db.organisation.create({
      data: { ...fields, slug, feeEuros: fields.feeEuros ?? null, website: fields.website ?? null },
      select: { id: true, slug: true },
    });
    return { status: "saved", ...organisation };
  } catch (error) {
    // The unique index is the real check: a free slug can be taken between the look-up and the insert.
    if (isUniqueConstraintError(error)) return { status: "slug-taken" };
    throw error;
  }
}

/** Replaces an organisation's details; null when it does not exist (any more). */
export async function updateOrganisation(id: string, input: OrganisationInput): Promise<SaveOrganisationResult | null> {
  const fields = OrganisationSchema.parse(input);
  const slug = fields.slug ?? (await freeSlugFor(fields.name, id));
  try {
    const organisation = await db.organisation.update({
      where: { id },
      data: { ...fields, slug, feeEuros: fields.feeEuros ?? null, website: fields.website ?? null },
      select: { id: true, slug: true },
    });
    return { status: "saved", ...organisation };
  } catch (error) {
    if (isUniqueConstraintError(error)) return { status: "slug-taken" };
    if (isNotFoundError(error)) return null;
    throw error;
  }
}

/**
 * A slug made from a name: "Gemeente 's-Hertogenbosch" becomes "gemeente-s-hertogenbosch".
 * Accents are dropped rather than the letters they sit on, so "Café Noord" stays readable.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/^-+|-+$/g, "");
  return slug || "organisatie";
}

/** The slug for a name that no other organisation has: the plain one, else with -2, -3 … added. */
async function freeSlugFor(name: string, ownId?: string): Promise<string> {
  // Room for a suffix, so the result stays within the maximum length.
  const base = slugify(name).slice(0, SLUG_MAX_LENGTH - 4).replace(/-+$/, "");
  const taken = new Set(
    (
      await db.organisation.findMany({
        where: { slug: { startsWith: base }, ...(ownId ? { id: { not: ownId } } : {}) },
        select: { slug: true },
      })
    ).map((organisation) => organisation.slug),
  );
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix += 1;
  return `${base}-${suffix}`;
}

/**
 * Sets an organisation's logo from uploaded bytes if they are an accepted image (PNG, JPEG,
 * WebP, GIF by their first bytes; the caller checked the size). The partner pages show it.
 */
export async function setOrganisationLogo(id: string, bytes: Uint8Array): Promise<"saved" | "wrong-type" | "not-found"> {
  const type = detectImageType(bytes);
  if (!type) return "wrong-type";
  const logo = await storeImage(bytes, type);
  const updated = await db.organisation.updateMany({ where: { id }, data: { logo } });
  return updated.count === 0 ? "not-found" : "saved";
}

/** Takes an organisation's logo off (the stored image stays: it is shared by content hash). */
export async function removeOrganisationLogo(id: string): Promise<"removed" | "not-found"> {
  const updated = await db.organisation.updateMany({ where: { id }, data: { logo: null } });
  return updated.count === 0 ? "not-found" : "removed";
}

function isNotFoundError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2025";
}
