// `npm run db:deploy`: applies the migrations the database named by DATABASE_URL lacks. SQLite
// through `prisma migrate deploy`; PostgreSQL through prisma/postgresql/deploy.ts (why there:
// docs/decisions/019-postgresql-twin.md).
import { execFileSync } from "node:child_process";
import { DEFAULT_DATABASE_URL, isPostgresqlUrl } from "../app/common/database-url.ts";
import { deployPostgresqlMigrations } from "./postgresql/deploy.ts";

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
if (isPostgresqlUrl(url)) {
  const applied = await deployPostgresqlMigrations(url);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "No pending migrations to apply.");
} else {
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });
}
