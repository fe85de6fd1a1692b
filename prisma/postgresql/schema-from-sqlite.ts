// Derives the PostgreSQL schema from prisma/schema.prisma, the one source of truth
// (docs/decisions/019-postgresql-twin.md). Only the datasource and the client's output differ: a
// Prisma 6 client generated for one provider refuses a driver adapter of another, so PostgreSQL
// gets its own generated client.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Where the derived schema is committed. */
export const POSTGRESQL_SCHEMA = fileURLToPath(new URL("./schema.prisma", import.meta.url));
const SOURCE = fileURLToPath(new URL("../schema.prisma", import.meta.url));

const HEADER = "// GENERATED from prisma/schema.prisma by prisma/postgresql/schema-from-sqlite.ts — do not edit.\n// Change prisma/schema.prisma and run `npm run db:migration -- <name>`.\n\n";

/** The PostgreSQL schema text for a SQLite schema text. */
export function postgresqlSchema(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace(/(generator client \{[^}]*output\s*=\s*)"\.\.\/app\/generated\/prisma"/, '$1"../../app/generated/prisma-postgresql"')
    .replace(/datasource db \{[^}]*\}/, `datasource db {\n  provider = "postgresql"\n  // A placeholder, as in prisma/schema.prisma: the connection comes from DATABASE_URL.\n  url      = "postgresql://localhost/kapittel"\n}`);
  if (!replaced.includes("prisma-postgresql") || !replaced.includes('provider = "postgresql"')) {
    throw new Error("prisma/schema.prisma: generator output or datasource not found where expected.");
  }
  return HEADER + replaced;
}

/** The PostgreSQL schema for the working copy of prisma/schema.prisma. */
export function currentPostgresqlSchema(): string {
  return postgresqlSchema(readFileSync(SOURCE, "utf8"));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(POSTGRESQL_SCHEMA, currentPostgresqlSchema());
  console.log(`Wrote ${POSTGRESQL_SCHEMA}`);
}
