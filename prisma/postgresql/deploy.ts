// Applies the committed PostgreSQL migrations (prisma/postgresql/migrations) that a database lacks.
// Prisma 6's JavaScript schema engine cannot migrate through @prisma/adapter-pg (it fails on
// PostgreSQL's `name` type, prisma/prisma#27403) and its native engine cannot be downloaded here,
// so this does what `prisma migrate deploy` does, in the same `_prisma_migrations` table: a
// later Prisma that works can take over the same database (docs/decisions/019-postgresql-twin.md).
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const MIGRATIONS = fileURLToPath(new URL("./migrations", import.meta.url));

// Prisma's own definition of the table, so its tools recognise the history.
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** The committed migrations in the order they apply: folder name and SQL. */
export function postgresqlMigrations(): { name: string; sql: string }[] {
  return readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8") }));
}

/**
 * Applies every migration the database at `connectionString` has not applied yet, each in its own
 * transaction (PostgreSQL's DDL is transactional: a failing migration leaves nothing behind).
 * An advisory lock keeps two processes starting at once from applying the same one twice.
 * Returns the names applied.
 */
export async function deployPostgresqlMigrations(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock(72707369)");
    await client.query(HISTORY_TABLE);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const finished = new Map(done.rows.map((row) => [row.migration_name, row.checksum]));
    for (const { name, sql } of postgresqlMigrations()) {
      const checksum = createHash("sha256").update(sql).digest("hex");
      if (finished.has(name)) {
        if (finished.get(name) !== checksum) console.warn(`Migration ${name} was changed after it was applied to this database.`);
        continue;
      }
      try {
        await client.query("BEGIN");
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`);
      }
      applied.push(name);
    }
  } finally {
    await client.end();
  }
  return applied;
}
