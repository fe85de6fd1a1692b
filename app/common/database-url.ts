/** Where the embedded SQLite database lives when DATABASE_URL is not set (relative to the working directory). */
export const DEFAULT_DATABASE_URL = "file:./data/kapittel.db";

/** The file path of a `file:` SQLite URL, or null for any other kind of URL (PostgreSQL). */
export function sqliteFilePath(databaseUrl: string): string | null {
  if (!databaseUrl.startsWith("file:")) return null;
  return databaseUrl.slice("file:".length).replace(/\?.*$/, "");
}

/** Whether DATABASE_URL names a PostgreSQL database (postgresql:// or postgres://). */
export function isPostgresqlUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//.test(databaseUrl);
}
