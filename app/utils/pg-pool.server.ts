import pg from "pg";
import { getEnv } from "./env.server.ts";
import { forgetSingleton, singleton } from "./singleton.server.ts";

/**
 * The process's pool of plain `pg` connections to PostgreSQL, for the two places that skip
 * Prisma for speed (search queries and the keystroke log; docs/decisions/009, 017, 019): with the
 * JS query engine each Prisma call costs about a millisecond of query compilation on the event loop.
 * Prisma keeps its own pool; this one is separate, so an append never joins a Prisma transaction.
 */
export function pgPool(): pg.Pool {
  return singleton("pg-pool", () => new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 5, idleTimeoutMillis: 10_000, allowExitOnIdle: true }));
}

/** Closes the pool if one was opened (graceful shutdown, end of a test file). */
export async function closePgPool(): Promise<void> {
  const store = globalThis as typeof globalThis & { __kapittelSingletons?: Map<string, unknown> };
  const pool = store.__kapittelSingletons?.get("pg-pool") as pg.Pool | undefined;
  if (!pool) return;
  forgetSingleton("pg-pool");
  await pool.end();
}

/** SQL written with `?` placeholders (as for SQLite) in PostgreSQL's numbered form ($1, $2 …). */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}
