import Database from "better-sqlite3";
import { sqliteFilePath } from "#app/common/database-url.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";

/**
 * Search reads through a read-only better-sqlite3 connection of its own, with prepared statements,
 * not through Prisma (the same trade as docs/decisions/009): with the JS query engine each Prisma
 * call costs milliseconds of query compilation on the event loop, several times the FTS5 query
 * itself (bench/search.ts). In WAL mode this reader never waits for a writer and sees every
 * committed write, the triggers' index rows included. SQLite only: FTS5 is SQLite's (the
 * PostgreSQL twin comes with the PostgreSQL issue).
 */
type Connection = { database: Database.Database; statements: Map<string, Database.Statement> };

function open(): Connection {
  const url = getEnv().DATABASE_URL;
  const file = sqliteFilePath(url);
  if (!file) throw new Error("Search needs the SQLite database (FTS5); DATABASE_URL is not a file: URL.");
  const database = new Database(file, { readonly: true, fileMustExist: true });
  return { database, statements: new Map() };
}

/** The rows of a read-only query; statements are prepared once per SQL text and reused. */
export function searchQuery<Row>(sql: string, params: readonly unknown[]): Row[] {
  const connection = singleton("search-db", open);
  let statement = connection.statements.get(sql);
  if (!statement) {
    statement = connection.database.prepare(sql);
    connection.statements.set(sql, statement);
  }
  return statement.all(...params) as Row[];
}
