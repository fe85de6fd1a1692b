import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, inject, test } from "vitest";

const MIGRATIONS = path.resolve("prisma/migrations");
const folders = readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const searchFolder = folders.find((name) => name.endsWith("_search"));
const migrationSql = (folder: string) => readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8");

/** The triggers that keep the index up to date: insert, update and delete on each source table. */
const SOURCES = { Chapter: "chapter", Tool: "tool", Event: "event", Organisation: "partner" } as const;
const EXPECTED_TRIGGERS = Object.values(SOURCES)
  .flatMap((kind) => ["insert", "update", "delete"].map((action) => `search_${kind}_${action}`))
  .sort();

const triggersOf = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as { name: string }[]).map((row) => row.name);

describe("the search migration", () => {
  test("comes after every other migration (a later one may not redefine the indexed tables without its triggers)", () => {
    expect(searchFolder).toBeDefined();
    // Every migration after it must leave the triggers in place: the migrated template still has all of them.
    const template = new Database(inject("templateDatabase"), { readonly: true });
    expect(triggersOf(template)).toEqual(EXPECTED_TRIGGERS);
    template.close();
  });

  test("indexes what existed before it ran (backfill): published tools and events, every chapter and partner", () => {
    const db = new Database(":memory:");
    for (const folder of folders.filter((name) => name < (searchFolder ?? ""))) db.exec(migrationSql(folder));
    db.exec(`
      INSERT INTO "Organisation" ("id", "slug", "name", "kind", "description", "updatedAt") VALUES ('o1', 'waterschap', 'Waterschap Rivierenland', 'company', 'Dijken en gemalen.', 0);
      INSERT INTO "Book" ("id", "slug", "title", "updatedAt") VALUES ('b1', 'boek', 'Boek', 0);
      INSERT INTO "Part" ("id", "bookId", "slug", "title", "position") VALUES ('p1', 'b1', 'deel', 'Deel', 1);
      INSERT INTO "Chapter" ("id", "bookId", "partId", "title", "slug", "position", "status", "bodyText", "updatedAt")
        VALUES ('c1', 'b1', 'p1', 'Gepubliceerd hoofdstuk', 'een', 1, 'published', 'Over kwelwater.', 0),
               ('c2', 'b1', 'p1', 'Concept', 'twee', 2, 'draft', 'Over kwelwater in concept.', 0);
      INSERT INTO "Tool" ("id", "slug", "name", "summary", "descriptionHtml", "category", "form", "published", "updatedAt")
        VALUES ('t1', 'peilbuis', 'Peilbuizenregister', 'Grondwater meten.', '<p>Een <strong>open</strong> register.</p>', 'substantive', 'standard', 1, 0),
               ('t2', 'inzending', 'Ingezonden tool', 'Nog niet goedgekeurd.', '', 'substantive', 'standard', 0, 0);
      INSERT INTO "Event" ("id", "slug", "title", "startsAt", "endsAt", "programmeHtml", "published", "updatedAt")
        VALUES ('e1', 'dag', 'Kwelwaterdag', 0, 0, '<p>Lezingen &amp; excursie</p>', 1, 0),
               ('e2', 'verborgen', 'Verborgen dag', 0, 0, '', 0, 0);
    `);
    db.exec(migrationSql(searchFolder ?? ""));
    const rows = db.prepare("SELECT kind, ref_id AS id, title, body FROM search_index ORDER BY kind, ref_id").all();
    expect(rows).toEqual([
      { kind: "chapter", id: "c1", title: "Gepubliceerd hoofdstuk", body: "Over kwelwater." },
      { kind: "chapter", id: "c2", title: "Concept", body: "Over kwelwater in concept." },
      { kind: "event", id: "e1", title: "Kwelwaterdag", body: " Lezingen & excursie  " },
      { kind: "partner", id: "o1", title: "Waterschap Rivierenland", body: "Dijken en gemalen." },
      { kind: "tool", id: "t1", title: "Peilbuizenregister", body: " Een  open  register. " },
    ]);
    expect(triggersOf(db)).toEqual(EXPECTED_TRIGGERS);
    // The triggers work from here on, for a plain SQL writer too.
    db.exec(`UPDATE "Tool" SET "published" = 1 WHERE "id" = 't2'; DELETE FROM "Chapter" WHERE "id" = 'c2';`);
    expect(db.prepare("SELECT ref_id FROM search_index WHERE search_index MATCH 'kwelwater*' ORDER BY ref_id").all()).toEqual([{ ref_id: "c1" }, { ref_id: "e1" }]);
    expect(db.prepare("SELECT count(*) AS n FROM search_index WHERE ref_id = 't2'").get()).toEqual({ n: 1 });
    db.close();
  });

  test.each(Object.keys(SOURCES))(
    "a future Prisma migration that redefines %s still runs; it drops that table's triggers, which the migration must recreate",
    (table) => {
      const file = path.join(inject("testTmpDir"), `redefine-${table}.db`);
      copyFileSync(inject("templateDatabase"), file);
      const db = new Database(file);
      const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string };
      // What `prisma migrate diff` writes when SQLite cannot ALTER a column: copy, drop, rename.
      expect(() =>
        db.exec(`
          PRAGMA defer_foreign_keys=ON;
          PRAGMA foreign_keys=OFF;
          ${sql.replace(`CREATE TABLE "${table}"`, `CREATE TABLE "new_${table}"`)};
          INSERT INTO "new_${table}" SELECT * FROM "${table}";
          DROP TABLE "${table}";
          ALTER TABLE "new_${table}" RENAME TO "${table}";
          PRAGMA foreign_keys=ON;
          PRAGMA defer_foreign_keys=OFF;
        `),
      ).not.toThrow();
      const kind = SOURCES[table as keyof typeof SOURCES];
      expect(triggersOf(db)).toEqual(EXPECTED_TRIGGERS.filter((name) => !name.startsWith(`search_${kind}_`)));
      db.close();
    },
  );
});
