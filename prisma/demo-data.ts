import path from "node:path";
import type { Db } from "#app/utils/db.server.ts";
import { hashPassword } from "#app/utils/password.server.ts";
import { createBookFromFiles } from "#server/chapter-files/import-book.ts";
import { createDemoEvents } from "./demo-events.ts";
import { createDemoTools } from "./demo-tools.ts";
import { DEMO_ORGANISATIONS } from "./seed-data/organisations.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "./seed-data/users.ts";

/** The folder holding the demo book as files. */
export const DEMO_BOOK_DIRECTORY = path.resolve(import.meta.dirname, "../chapters");

/** Whether the database has no content yet (then, and only then, the demo is loaded). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [users, books, organisations] = await Promise.all([db.user.count(), db.book.count(), db.organisation.count()]);
  return users + books + organisations === 0;
}

/**
 * Loads the demo: the ten partner organisations, the demo accounts, the toolbox and the book from
 * chapters/ (through the same import as `npm run chapters:import`), in one transaction, so
 * a failure leaves the database as empty as it was.
 */
export async function loadDemoData(db: Db, bookDirectory = DEMO_BOOK_DIRECTORY): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.$transaction(async (tx) => {
    const organisationIds = new Map<string, string>();
    for (const organisation of DEMO_ORGANISATIONS) {
      const created = await tx.organisation.create({ data: organisation });
      organisationIds.set(created.slug, created.id);
    }
    for (const user of DEMO_USERS) {
      await tx.user.create({
        data: {
          email: user.email,
          name: user.name,
          role: user.role,
          passwordHash,
          memberships: { create: user.organisations.map((slug) => ({ organisationId: requireId(organisationIds, slug, "organisation") })) },
        },
      });
    }
    // Tools first: the book's chapters cite them ([[tool:slug]]), and import checks every citation.
    await createDemoTools(tx);
    await createDemoEvents(tx);
    await createBookFromFiles(tx, bookDirectory);
  }, { timeout: 60_000 });
}

function requireId(ids: Map<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Unknown ${what}: ${key}`);
  return id;
}
