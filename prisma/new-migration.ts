// Writes a new SQL migration for the changes in prisma/schema.prisma since the last commit.
// `prisma migrate dev` needs a shadow database the JavaScript schema engine cannot make, so the
// migration is the diff between the committed schema and the working one.
// Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name, lowercase with underscores>");
  process.exit(2);
}
const previous = path.join(tmpdir(), `kapittel-previous-${process.pid}.prisma`);
writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8" },
);
if (/This is an empty migration/.test(sql)) {
  console.error("The schema has not changed since the last commit: no migration written.");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const directory = path.join("prisma/migrations", `${stamp}_${name}`);
mkdirSync(directory, { recursive: true });
writeFileSync(path.join(directory, "migration.sql"), sql);
console.log(`Wrote ${directory}/migration.sql — read it, then commit it with the schema change.`);
