import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

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
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers than that only adds contention to the browser tests.
    maxWorkers: 2,
  },
});
