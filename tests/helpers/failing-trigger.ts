import { db, usesPostgresql } from "#app/utils/db.server.ts";

/**
 * A real failure inside the database, for tests of "all or nothing": a trigger that aborts the
 * write (as a full disk would) when a column of the new row has the given value. SQLite and
 * PostgreSQL spell triggers differently (RAISE(ABORT) in the trigger body; a plpgsql function),
 * so this picks the dialect; the effect on the transaction is the same: the statement fails.
 * Returns the function that removes the trigger again.
 */
export async function addFailingTrigger(trigger: {
  name: string;
  table: string;
  /** "INSERT", or the column whose update fails. */
  on: "INSERT" | { updateOf: string };
  when: { column: string; equals: string };
}): Promise<() => Promise<void>> {
  const { name, table } = trigger;
  if (!/^\w+$/.test(name) || !/^\w+$/.test(table)) throw new Error(`not a plain identifier: ${name} ${table}`);
  const event = trigger.on === "INSERT" ? "INSERT" : `UPDATE OF "${trigger.on.updateOf}"`;
  // DDL takes no parameters; the value is the test's own, quoted as an SQL string.
  const condition = `NEW."${trigger.when.column}" = '${trigger.when.equals.replaceAll("'", "''")}'`;
  if (usesPostgresql()) {
    await db.$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION test_fail_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`,
    );
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE ${event} ON "${table}" FOR EACH ROW WHEN (${condition}) EXECUTE FUNCTION test_fail_write()`);
    return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name} ON "${table}"`));
  }
  await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE ${event} ON "${table}" WHEN ${condition} BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
  return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name}`));
}
