import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "#app/generated/prisma/client.ts";
import { getEnv } from "./env.server.ts";
import { forgetSingleton, singleton } from "./singleton.server.ts";

export type Db = PrismaClient;

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
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: getEnv().DATABASE_URL }) });
}

/** Closes the connection (graceful shutdown, end of a test file). */
export async function disconnectDb(): Promise<void> {
  const store = globalThis as typeof globalThis & { __kapittelSingletons?: Map<string, unknown> };
  const client = store.__kapittelSingletons?.get("db") as PrismaClient | undefined;
  if (!client) return;
  forgetSingleton("db");
  await client.$disconnect();
}
