// Prisma CLI configuration. The JavaScript schema engine with the better-sqlite3 adapter
// means `prisma migrate deploy` needs no engine binaries (they cannot be downloaded here).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL, sqliteFilePath } from "./app/common/database-url.ts";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
    const file = sqliteFilePath(url);
    if (file) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
