import { usesPostgresql, type DbTransaction } from "./db.server.ts";

/**
 * Tables whose rows serve as a lock for decisions made about their children (a count, then an
 * insert). A fixed list, because the name goes into the SQL text (identifiers cannot be parameters).
 */
export type LockableTable = "Event" | "Chapter" | "Book" | "Tool" | "User";

/**
 * Locks one row until the transaction ends, so a read-decide-write on what belongs to it (the
 * registrations of an event) cannot interleave with another transaction doing the same.
 *
 * PostgreSQL at READ COMMITTED lets two transactions count the same rows and both insert;
 * `SELECT … FOR UPDATE` makes the second wait until the first commits, and its count then sees
 * the first one's row (every statement takes a fresh snapshot). SQLite needs nothing: it runs one
 * write transaction at a time, and Prisma's SQLite adapter queues transactions behind a mutex.
 * Returns whether the row exists.
 */
export async function lockRow(tx: DbTransaction, table: LockableTable, id: string): Promise<boolean> {
  if (!usesPostgresql()) return true;
  const rows = await tx.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "${table}" WHERE "id" = $1 FOR UPDATE`, id);
  return rows.length > 0;
}
