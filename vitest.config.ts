import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { POSTGRESQL_EXCLUDE, POSTGRESQL_INCLUDE, POSTGRESQL_ONLY } from "./tests/postgresql/project.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^#app\/(.*)$/, replacement: here("./app/$1") },
      { find: /^#server\/(.*)$/, replacement: here("./server/$1") },
      { find: /^#tests\/(.*)$/, replacement: here("./tests/$1") },
    ],
  },
  test: {
    include: ["{app,server,tests,prisma,chapters}/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup/database.ts", "tests/setup/console.ts"],
    pool: "forks",
    // Each file already gets its own database, data folder and fresh singletons
    // (tests/setup/database.ts), so the modules themselves need not be loaded anew per file:
    // without isolation, importing the server and Prisma once per worker saves ~200 s of
    // worker time. Module-level state in test helpers must therefore live in singleton().
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers than that only adds contention to the browser tests.
    maxWorkers: 2,
    // Every file against SQLite, then the database-facing ones against a throwaway PostgreSQL
    // (docs/decisions/019-postgresql-twin.md). `--project sqlite` runs only the first.
    projects: [
      { extends: true, test: { name: "sqlite", exclude: ["**/node_modules/**", ...POSTGRESQL_ONLY] } },
      { extends: true, test: { name: "postgresql", include: [...POSTGRESQL_INCLUDE, ...POSTGRESQL_ONLY], exclude: ["**/node_modules/**", ...POSTGRESQL_EXCLUDE] } },
    ],
  },
});
