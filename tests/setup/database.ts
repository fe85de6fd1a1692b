import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "#app/utils/db.server.ts";

// Each test file gets its own copy of the migrated template database and its own data folder,
// so files can run in parallel and a test never sees another file's rows. On PostgreSQL the copy
// is a database made from the template (CREATE DATABASE … TEMPLATE: a file copy, ~0.2 s).
const dir = mkdtempSync(path.join(inject("testTmpDir"), "file-"));
process.env.DATABASE_URL = inject("databaseProvider") === "postgresql" ? await copyPostgresqlTemplate() : copySqliteTemplate();
process.env.DATA_DIR = dir;
process.env.SESSION_SECRET = "test-secret-that-is-at-least-32-characters-long";
process.env.NODE_ENV = "test";
delete process.env.SMTP_URL;
delete process.env.APP_URL;
// Files run one after another in a worker (isolate: false): one that sets REDIS_URL must not pass it on.
delete process.env.REDIS_URL;
(globalThis as { __kapittelSingletons?: Map<string, unknown> }).__kapittelSingletons?.clear();

afterAll(async () => {
  await disconnectDb();
});

function copySqliteTemplate(): string {
  const database = path.join(dir, "kapittel.db");
  copyFileSync(inject("templateDatabase"), database);
  return `file:${database}`;
}

async function copyPostgresqlTemplate(): Promise<string> {
  const server = inject("postgresqlServer");
  const name = `file_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
