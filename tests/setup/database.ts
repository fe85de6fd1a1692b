import { copyFileSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "#app/utils/db.server.ts";

// Each test file gets its own copy of the migrated template database and its own data folder,
// so files can run in parallel and a test never sees another file's rows.
const dir = mkdtempSync(path.join(inject("testTmpDir"), "file-"));
const database = path.join(dir, "kapittel.db");
copyFileSync(inject("templateDatabase"), database);

process.env.DATABASE_URL = `file:${database}`;
process.env.DATA_DIR = dir;
process.env.SESSION_SECRET = "test-secret-that-is-at-least-32-characters-long";
process.env.NODE_ENV = "test";
delete process.env.SMTP_URL;
delete process.env.APP_URL;
(globalThis as { __kapittelSingletons?: Map<string, unknown> }).__kapittelSingletons?.clear();

afterAll(async () => {
  await disconnectDb();
});
