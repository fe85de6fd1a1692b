import { randomUUID } from "node:crypto";
import type { ChapterStatus } from "#app/common/chapter-status.ts";
import type { Role } from "#app/common/permissions.ts";
import { db } from "#app/utils/db.server.ts";
import { hashPassword } from "#app/utils/password.server.ts";

const unique = () => randomUUID().slice(0, 8);

/** The password every factory-made user has unless told otherwise. */
export const TEST_PASSWORD = "correct horse battery";

/** An organisation with sensible defaults. */
export function createOrganisation(overrides: Partial<{ name: string; slug: string; kind: string; tier: string; feeEuros: number | null; feePaid: boolean }> = {}) {
  const id = unique();
  return db.organisation.create({
    data: { name: `Gemeente Test ${id}`, slug: `gemeente-test-${id}`, kind: "municipality", tier: "premium", feeEuros: 9000, ...overrides },
  });
}

/** A user with a known password, optionally a member of organisations. */
export async function createUser(
  options: Partial<{ role: Role; email: string; name: string; password: string; organisationIds: string[] }> = {},
) {
  const id = unique();
  return db.user.create({
    data: {
      email: (options.email ?? `user-${id}@kapittel.test`).toLowerCase(),
      name: options.name ?? `Test Gebruiker ${id}`,
      role: options.role ?? "reader",
      passwordHash: await hashPassword(options.password ?? TEST_PASSWORD),
      memberships: { create: (options.organisationIds ?? []).map((organisationId) => ({ organisationId })) },
    },
  });
}

/** A book with one part. */
export async function createBook(overrides: Partial<{ title: string; slug: string }> = {}) {
  const id = unique();
  const book = await db.book.create({
    data: { title: `Testboek ${id}`, slug: `testboek-${id}`, subtitle: "Een ondertitel", blurb: "Een korte tekst.", ...overrides },
  });
  const part = await db.part.create({ data: { bookId: book.id, slug: "deel-1", title: "Deel één", position: 1 } });
  return { book, part };
}

/** A chapter in the given part, written by the given organisations. */
export async function createChapter(options: {
  bookId: string;
  partId: string;
  status?: ChapterStatus;
  organisationIds?: string[];
  title?: string;
  bodyHtml?: string;
}) {
  const id = unique();
  const position = (await db.chapter.count({ where: { partId: options.partId } })) + 1;
  return db.chapter.create({
    data: {
      bookId: options.bookId,
      partId: options.partId,
      title: options.title ?? `Hoofdstuk ${id}`,
      slug: `hoofdstuk-${id}`,
      position,
      status: options.status ?? "draft",
      bodyHtml: options.bodyHtml ?? `<p>Tekst van hoofdstuk ${id}.</p>`,
      organisations: { create: (options.organisationIds ?? []).map((organisationId) => ({ organisationId })) },
    },
  });
}

/** A toolbox entry (published unless said otherwise). */
export function createTool(overrides: Partial<{ slug: string; name: string; summary: string; published: boolean; category: string; form: string }> = {}) {
  const id = unique();
  return db.tool.create({
    data: {
      slug: overrides.slug ?? `instrument-${id}`,
      name: overrides.name ?? `Instrument ${id}`,
      summary: overrides.summary ?? `Korte samenvatting van instrument ${id}.`,
      category: overrides.category ?? "substantive",
      form: overrides.form ?? "agreement",
      published: overrides.published ?? true,
    },
  });
}

/** An event (published, starting in a week, for two hours, unlimited places unless said otherwise). */
export function createEvent(
  overrides: Partial<{ slug: string; title: string; kind: string; summary: string; programmeHtml: string; startsAt: Date; endsAt: Date; location: string; onlineUrl: string | null; capacity: number | null; published: boolean }> = {},
) {
  const id = unique();
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
  return db.event.create({
    data: {
      slug: `evenement-${id}`,
      title: `Evenement ${id}`,
      location: "Stadhuis, Amersfoort",
      ...overrides,
      startsAt,
      endsAt: overrides.endsAt ?? new Date(startsAt.getTime() + 2 * 60 * 60 * 1000),
    },
  });
}

/** The print pricing the order tests use: € 29,50 a copy, 10 % from 10 and 20 % from 50, shipping by destination. */
export const TEST_PRICING = {
  unitPriceCents: 2950,
  discountTiers: [
    { minQuantity: 10, percent: 10 },
    { minQuantity: 50, percent: 20 },
  ],
  shippingNlCents: 695,
  shippingEuCents: 1495,
  shippingWorldCents: 2995,
};

/** A book with a frozen edition (no files) and TEST_PRICING: ready to be ordered. */
export async function createBookForSale(overrides: Partial<{ title: string }> = {}) {
  const { book } = await createBook(overrides);
  const edition = await db.edition.create({ data: { bookId: book.id, number: 1, metadataJson: "{}" } });
  const { discountTiers, ...amounts } = TEST_PRICING;
  await db.bookPricing.create({ data: { bookId: book.id, ...amounts, discountTiersJson: JSON.stringify(discountTiers) } });
  return { book, edition };
}
