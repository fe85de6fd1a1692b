import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import pg from "pg";
import { describe, expect, inject, test } from "vitest";
import { currentPostgresqlSchema, POSTGRESQL_SCHEMA } from "../../prisma/postgresql/schema-from-sqlite.ts";

/** Search's hand-written tables and functions (docs/decisions/017, 019) are not in Prisma's schema. */
const SEARCH_TABLES = ["search_entry", "search_word"];

const databaseUrl = (name: string) => {
  const url = new URL(inject("postgresqlServer"));
  url.pathname = `/${name}`;
  return url.toString();
};

/** Tables, columns, indexes and constraints of a PostgreSQL database, in a comparable form. */
async function describeSchema(connectionString: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const rows = async (sql: string) => (await client.query(sql)).rows.map((row) => Object.values(row).join(" "));
    const keep = (line: string) => !SEARCH_TABLES.some((table) => line.startsWith(`${table} `)) && !line.startsWith("_prisma_migrations ");
    return {
      columns: (await rows(`SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`)).filter(keep),
      indexes: (await rows(`SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`)).filter(keep),
      constraints: (await rows(`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`))
        .map((line) => line.replace(/^"(\w+)"/, "$1"))
        .filter(keep),
    };
  } finally {
    await client.end();
  }
}

describe("PostgreSQL migrations", () => {
  test("the committed PostgreSQL schema is the one derived from prisma/schema.prisma", () => {
    expect(readFileSync(POSTGRESQL_SCHEMA, "utf8"), "run: npx tsx prisma/postgresql/schema-from-sqlite.ts").toBe(currentPostgresqlSchema());
  });

  test("the committed PostgreSQL migrations produce exactly the database the schema describes", async () => {
    const sql = execFileSync("npx", ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", POSTGRESQL_SCHEMA, "--script"], {
      encoding: "utf8",
    });
    const admin = new pg.Client({ connectionString: inject("postgresqlServer") });
    await admin.connect();
    const fresh = `from_schema_${process.pid}`;
    try {
      await admin.query(`CREATE DATABASE ${fresh} TEMPLATE template0`);
      const client = new pg.Client({ connectionString: databaseUrl(fresh) });
      await client.connect();
      await client.query(sql);
      await client.end();
      expect(await describeSchema(databaseUrl(inject("templateDatabase")))).toEqual(await describeSchema(databaseUrl(fresh)));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${fresh}`);
      await admin.end();
    }
  });
});
