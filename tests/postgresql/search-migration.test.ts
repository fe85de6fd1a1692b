import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, test } from "vitest";

/**
 * The PostgreSQL twin of tests/search/migration.test.ts: the hand-written search migration
 * (prisma/postgresql/migrations/*_search, docs/decisions/019) indexes what existed before it ran,
 * exactly as the SQLite one does, and its triggers stay in place after every later migration.
 */

const MIGRATIONS = path.resolve("prisma/postgresql/migrations");
const folders = readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const searchFolder = folders.find((name) => name.endsWith("_search")) ?? "";
const migrationSql = (folder: string) => readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8");

const EXPECTED_TRIGGERS = ["Chapter search_chapter", "Event search_event", "Organisation search_partner", "Tool search_tool", "search_entry search_entry_words"];

const databaseUrl = (name: string) => {
  const url = new URL(inject("postgresqlServer"));
  url.pathname = `/${name}`;
  return url.toString();
};

async function withClient<T>(connectionString: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

const triggersOf = async (client: pg.Client) =>
  (await client.query(`SELECT tgrelid::regclass::text || ' ' || tgname AS name FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'search%' ORDER BY 1`)).rows.map(
    (row: { name: string }) => row.name.replaceAll('"', ""),
  );

describe("the PostgreSQL search migration", () => {
  test("its triggers are all in place after every later migration (the migrated template)", async () => {
    expect(searchFolder).not.toBe("");
    expect(await withClient(databaseUrl(inject("templateDatabase")), triggersOf)).toEqual(EXPECTED_TRIGGERS);
  });

  test("indexes what existed before it ran (backfill): published tools and events, every chapter and partner", async () => {
    const name = `search_migration_${randomBytes(4).toString("hex")}`;
    await withClient(inject("postgresqlServer"), (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE template0`));
    try {
      await withClient(databaseUrl(name), async (db) => {
        for (const folder of folders.filter((folder) => folder < searchFolder)) await db.query(migrationSql(folder));
        await db.query(`
          INSERT INTO "Organisation" ("id", "slug", "name", "kind", "description", "updatedAt") VALUES ('o1', 'waterschap', 'Waterschap Rivierenland', 'company', 'Dijken en gemalen.', now());
          INSERT INTO "Book" ("id", "slug", "title", "updatedAt") VALUES ('b1', 'boek', 'Boek', now());
          INSERT INTO "Part" ("id", "bookId", "slug", "title", "position") VALUES ('p1', 'b1', 'deel', 'Deel', 1);
          INSERT INTO "Chapter" ("id", "bookId", "partId", "title", "slug", "position", "status", "bodyText", "updatedAt")
            VALUES ('c1', 'b1', 'p1', 'Gepubliceerd hoofdstuk', 'een', 1, 'published', 'Over kwelwater.', now()),
                   ('c2', 'b1', 'p1', 'Concept', 'twee', 2, 'draft', 'Over kwelwater in concept.', now());
          INSERT INTO "Tool" ("id", "slug", "name", "summary", "descriptionHtml", "category", "form", "published", "updatedAt")
            VALUES ('t1', 'peilbuis', 'Peilbuizenregister', 'Grondwater meten.', '<p>Een <strong>open</strong> register.</p>', 'substantive', 'standard', true, now()),
                   ('t2', 'inzending', 'Ingezonden tool', 'Nog niet goedgekeurd.', '', 'substantive', 'standard', false, now());
          INSERT INTO "Event" ("id", "slug", "title", "startsAt", "endsAt", "programmeHtml", "published", "updatedAt")
            VALUES ('e1', 'dag', 'Kwelwaterdag', now(), now(), '<p>Lezingen &amp; excursie</p>', true, now()),
                   ('e2', 'verborgen', 'Verborgen dag', now(), now(), '', false, now());
        `);
        await db.query(migrationSql(searchFolder));
        const rows = await db.query(`SELECT kind, ref_id AS id, title, body FROM search_entry ORDER BY kind, ref_id`);
        // The same rows, body text and all, as SQLite's backfill (tests/search/migration.test.ts).
        expect(rows.rows).toEqual([
          { kind: "chapter", id: "c1", title: "Gepubliceerd hoofdstuk", body: "Over kwelwater." },
          { kind: "chapter", id: "c2", title: "Concept", body: "Over kwelwater in concept." },
          { kind: "event", id: "e1", title: "Kwelwaterdag", body: " Lezingen & excursie  " },
          { kind: "partner", id: "o1", title: "Waterschap Rivierenland", body: "Dijken en gemalen." },
          { kind: "tool", id: "t1", title: "Peilbuizenregister", body: " Een  open  register. " },
        ]);
        // The vocabulary for spelling suggestions is filled too: words as written, folded, unstemmed.
        const words = await db.query(`SELECT word FROM search_word WHERE word IN ('kwelwater', 'peilbuizenregister', 'gemalen', 'goedgekeurd') ORDER BY word`);
        expect(words.rows.map((row: { word: string }) => row.word)).toEqual(["gemalen", "kwelwater", "peilbuizenregister"]);
        expect(await triggersOf(db)).toEqual(EXPECTED_TRIGGERS);

        // The triggers work from here on, for a plain SQL writer too.
        await db.query(`UPDATE "Tool" SET "published" = true WHERE "id" = 't2'; DELETE FROM "Chapter" WHERE "id" = 'c2';`);
        const kwelwater = await db.query(`SELECT ref_id FROM search_entry WHERE document @@ to_tsquery('kapittel_dutch', 'kwelwater:*') ORDER BY ref_id`);
        expect(kwelwater.rows).toEqual([{ ref_id: "c1" }, { ref_id: "e1" }]);
        expect((await db.query(`SELECT count(*)::int AS n FROM search_entry WHERE ref_id = 't2'`)).rows).toEqual([{ n: 1 }]);
        expect((await db.query(`SELECT count(*)::int AS n FROM search_word WHERE word = 'goedgekeurd'`)).rows).toEqual([{ n: 1 }]);
      });
    } finally {
      await withClient(inject("postgresqlServer"), (admin) => admin.query(`DROP DATABASE IF EXISTS ${name}`));
    }
  });
});
