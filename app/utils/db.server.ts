import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "#app/generated/prisma/client.ts";
import { getEnv } from "./env.server.ts";
import { forgetSingleton, singleton } from "./singleton.server.ts";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`, for functions that take part in one. */
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The process's one database client (SQLite through the better-sqlite3 driver adapter). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  // Created on first use, not on import, so configuration errors surface at start-up's own check
  // and test setup can point DATABASE_URL at a per-file database before anything connects.
  get(_target, property) {
    const client = singleton("db", createClient);
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

function createClient(): PrismaClient {
  const url = getEnv().DATABASE_URL;
  const adapter = url.startsWith("file:") ? new SQLiteFileAdapter({ url }) : new PrismaBetterSQLite3({ url });
  return new PrismaClient({ adapter });
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

/** Closes the connection (graceful shutdown, end of a test file). */
export async function disconnectDb(): Promise<void> {
  const store = globalThis as typeof globalThis & { __kapittelSingletons?: Map<string, unknown> };
  const client = store.__kapittelSingletons?.get("db") as PrismaClient | undefined;
  if (!client) return;
  forgetSingleton("db");
  await client.$disconnect();
}
