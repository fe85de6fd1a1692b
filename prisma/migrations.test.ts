import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { describe, expect, inject, test } from "vitest";

type Column = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };

/**
 * The full-text search tables (hand-written migration *_search, docs/decisions/017-search.md) are
 * not in the schema: Prisma has no virtual tables. These names, and only these, are left out;
 * tests/search/migration.test.ts checks them and their triggers.
 */
const SEARCH_TABLES = ["search_document", "search_index", "search_index_config", "search_index_content", "search_index_data", "search_index_docsize", "search_index_idx", "search_vocabulary"];

/** Tables, columns, indexes and foreign keys of a SQLite database, in a comparable form. */
function describeSchema(db: Database.Database) {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
    .all()
    .filter((table) => !SEARCH_TABLES.includes((table as { name: string }).name)) as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      {
        columns: (db.pragma(`table_info("${name}")`) as Column[]).map((c) => `${c.name} ${c.type} ${c.notnull} ${c.dflt_value} ${c.pk}`).sort(),
        indexes: (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(name) as { sql: string }[])
          .map((i) => i.sql)
          .sort(),
        foreignKeys: (db.pragma(`foreign_key_list("${name}")`) as Record<string, unknown>[])
          .map((fk) => `${fk.from}->${fk.table}.${fk.to} ${fk.on_delete}`)
          .sort(),
      },
    ]),
  );
}

describe("migrations", () => {
  test("the committed migrations produce exactly the database the schema describes", () => {
    const migrated = new Database(inject("templateDatabase"), { readonly: true });
    const fromSchema = new Database(":memory:");
    const sql = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { encoding: "utf8" },
    );
    fromSchema.exec(sql);
    expect(describeSchema(migrated)).toEqual(describeSchema(fromSchema));
  });
});
