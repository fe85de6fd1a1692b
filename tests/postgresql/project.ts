/**
 * The test files that run a second time against a throwaway PostgreSQL (the Vitest project
 * "postgresql" in vitest.config.ts): everything that touches the database — models, routes
 * against the real server, collaboration, search, exports' jobs. Left out, to keep CI time down
 * (docs/decisions/019-postgresql-twin.md): browser tests, the EPUB/PDF rendering tests (they test
 * pandoc and Typst, not the database), pure functions, and the tests of SQLite's own pieces,
 * which have PostgreSQL twins in tests/postgresql.
 */
export const POSTGRESQL_INCLUDE = [
  "app/models/**/*.test.ts",
  "app/utils/**/*.test.ts",
  "server/**/*.test.ts",
  "prisma/**/*.test.ts",
  "tests/**/*.test.ts",
];

export const POSTGRESQL_EXCLUDE = [
  "**/*-browser.test.ts",
  "tests/e2e/**",
  "tests/export/**",
  "server/collab/sqlite-update-log.test.ts",
  "prisma/migrations.test.ts",
  "tests/search/migration.test.ts",
  // Redis's side of several processes needs no database; tests/cluster has the whole of it.
  "tests/redis/**",
];

/** Tests only for the PostgreSQL project (the twins of SQLite's own pieces). */
export const POSTGRESQL_ONLY = [
  "tests/postgresql/**/*.test.ts",
  // Several processes on one database: SQLite serves one process (docs/decisions/022).
  "tests/cluster/**/*.test.ts",
];
