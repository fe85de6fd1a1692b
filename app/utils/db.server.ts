import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { isPostgresqlUrl } from "#app/common/database-url.ts";
import { PrismaClient } from "#app/generated/prisma/client.ts";
import { PrismaClient as PostgresqlPrismaClient } from "#app/generated/prisma-postgresql/client.ts";
import { getEnv } from "./env.server.ts";
import { closePgPool } from "./pg-pool.server.ts";
import { forgetSingleton, singleton } from "./singleton.server.ts";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`, for functions that take part in one. */
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * The process's one database client: SQLite through better-sqlite3, or PostgreSQL through pg when
 * DATABASE_URL is a postgresql:// URL (docs/decisions/019-postgresql-twin.md).
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  // Created on first use, not on import, so configuration errors surface at start-up's own check
  // and test setup can point DATABASE_URL at a per-file database before anything connects.
  get(_target, property) {
    const client = singleton("db", createClient);
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Whether this process runs on PostgreSQL (for the few places with a driver-level twin). */
export function usesPostgresql(): boolean {
  return isPostgresqlUrl(getEnv().DATABASE_URL);
}

function createClient(): PrismaClient {
  const url = getEnv().DATABASE_URL;
  if (isPostgresqlUrl(url)) return postgresqlClient(url);
  const adapter = url.startsWith("file:") ? new SQLiteFileAdapter({ url }) : new PrismaBetterSQLite3({ url });
  return new PrismaClient({ adapter });
}

/**
 * The PostgreSQL client, typed as the SQLite one: both are generated from the same models, and
 * app code is written to what both providers can do. One difference in behaviour is evened out
 * here: SQLite's LIKE ignores case, PostgreSQL's does not, so every `contains`, `startsWith` and
 * `endsWith` filter gets `mode: "insensitive"` (the SQLite client's types have no `mode`).
 */
function postgresqlClient(url: string): PrismaClient {
  const client = new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return client.$extends({
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          if (args && typeof args === "object" && "where" in args) insensitiveTextFilters(args.where);
          return query(args);
        },
      },
    },
  }) as unknown as PrismaClient;
}

const TEXT_MATCHES = ["contains", "startsWith", "endsWith"];

/** Adds `mode: "insensitive"` to every text filter in a `where` (nested relations and AND/OR/NOT too). */
function insensitiveTextFilters(where: unknown): void {
  if (!where || typeof where !== "object") return;
  if (Array.isArray(where)) return where.forEach(insensitiveTextFilters);
  const filter = where as Record<string, unknown>;
  if (TEXT_MATCHES.some((key) => typeof filter[key] === "string") && !("mode" in filter)) filter.mode = "insensitive";
  for (const value of Object.values(filter)) if (value && typeof value === "object") insensitiveTextFilters(value);
}

/**
 * A database file in WAL mode with synchronous=NORMAL. The collaboration server commits every
 * batch of keystrokes before relaying it (docs/decisions/006), and better-sqlite3 commits on the
 * event loop: the default rollback journal with synchronous=FULL costs several fsyncs per commit
 * (milliseconds each, during which no socket is served). In WAL mode a commit is one append to
 * the log; with synchronous=NORMAL the log is synced at checkpoints rather than at every commit,
 * so a committed transaction survives a crash of the process (it is in the OS's page cache) and
 * only an OS crash or power loss could lose the last commits.
 */
class SQLiteFileAdapter extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    return adapter;
  }
}

/** Closes the connections (graceful shutdown, end of a test file). */
export async function disconnectDb(): Promise<void> {
  await closePgPool();
  const store = globalThis as typeof globalThis & { __kapittelSingletons?: Map<string, unknown> };
  const client = store.__kapittelSingletons?.get("db") as PrismaClient | undefined;
  if (!client) return;
  forgetSingleton("db");
  await client.$disconnect();
}
