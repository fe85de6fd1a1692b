// Prisma CLI configuration. The JavaScript schema engine with a driver adapter means
// `prisma migrate deploy` needs no engine binaries (they cannot be downloaded here).
// DATABASE_URL picks the provider: a postgresql:// URL uses the schema and migrations derived
// for PostgreSQL (docs/decisions/019-postgresql-twin.md), anything else the SQLite ones.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL, isPostgresqlUrl, sqliteFilePath } from "./app/common/database-url.ts";

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const postgresql = isPostgresqlUrl(url);

export default defineConfig({
  schema: postgresql ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgresql ? "prisma/postgresql/migrations" : "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (postgresql) return new PrismaPg({ connectionString: url });
    const file = sqliteFilePath(url);
    if (file) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
