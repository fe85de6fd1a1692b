import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "#app/generated/prisma/client.ts";
import { PrismaClient as PostgresqlPrismaClient } from "#app/generated/prisma-postgresql/client.ts";
import type { Db } from "#app/utils/db.server.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { isPostgresqlUrl } from "#app/common/database-url.ts";

/**
 * Another client on the test file's database, with its own connections: what a second server
 * process would have. On PostgreSQL its transactions really run alongside the app client's.
 * The caller disconnects it.
 */
export function secondDbClient(): Db {
  const url = getEnv().DATABASE_URL;
  if (isPostgresqlUrl(url)) return new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
