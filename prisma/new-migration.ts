// Writes a new SQL migration for the changes in prisma/schema.prisma since the last commit, twice:
// for SQLite (prisma/migrations) and for PostgreSQL (prisma/postgresql/migrations, from the schema
// derived by prisma/postgresql/schema-from-sqlite.ts, which it rewrites). Both folders get the
// same name, so the two histories stay step for step alike (docs/decisions/019-postgresql-twin.md).
// `prisma migrate dev` needs a shadow database the JavaScript schema engine cannot make, so each
// migration is the diff between the committed schema and the working one.
// Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { currentPostgresqlSchema, POSTGRESQL_SCHEMA, postgresqlSchema } from "./postgresql/schema-from-sqlite.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name, lowercase with underscores>");
  process.exit(2);
}
const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
const scratch = (suffix: string, text: string) => {
  const file = path.join(tmpdir(), `kapittel-previous-${process.pid}-${suffix}.prisma`);
  writeFileSync(file, text);
  return file;
};
writeFileSync(POSTGRESQL_SCHEMA, currentPostgresqlSchema());

/** The SQL that takes the committed schema to the working one, or null when they are alike. */
function diff(from: string, to: string): string | null {
  const sql = execFileSync("npx", ["prisma", "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"], {
    encoding: "utf8",
  });
  return /This is an empty migration/.test(sql) ? null : sql;
}

const sqlite = diff(scratch("sqlite", committed), "prisma/schema.prisma");
if (!sqlite) {
  console.error("The schema has not changed since the last commit: no migration written.");
  process.exit(1);
}
const postgresql = diff(scratch("postgresql", postgresqlSchema(committed)), POSTGRESQL_SCHEMA);
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const [folder, sql] of [["prisma/migrations", sqlite], ["prisma/postgresql/migrations", postgresql]] as const) {
  if (!sql) continue;
  const directory = path.join(folder, `${stamp}_${name}`);
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, "migration.sql"), sql);
  console.log(`Wrote ${directory}/migration.sql`);
}
console.log("Read them, then commit them with prisma/schema.prisma and prisma/postgresql/schema.prisma.");
