import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { deployPostgresqlMigrations } from "../prisma/postgresql/deploy.ts";
import { startCluster } from "./postgresql/cluster.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** sqlite: a template file; postgresql: the template's database name on `postgresqlServer`. */
    databaseProvider: "sqlite" | "postgresql";
    templateDatabase: string;
    /** postgresql:// URL of the throwaway server's maintenance database (postgresql project only). */
    postgresqlServer: string;
    testTmpDir: string;
  }
}

const POSTGRESQL_TEMPLATE = "kapittel_template";

/**
 * Migrates one template database with the real migrations, once per run and project; every test
 * file then starts from a copy of it (tests/setup/database.ts). The "postgresql" project
 * (vitest.config.ts) first starts a throwaway PostgreSQL (tests/postgresql/cluster.ts).
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "kapittel-test-"));
  project.provide("testTmpDir", dir);
  if (project.name === "postgresql") {
    const cluster = await startCluster();
    try {
      const admin = new pg.Client({ connectionString: cluster.url("postgres") });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${POSTGRESQL_TEMPLATE}`);
      await admin.end();
      await deployPostgresqlMigrations(cluster.url(POSTGRESQL_TEMPLATE));
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    project.provide("databaseProvider", "postgresql");
    project.provide("templateDatabase", POSTGRESQL_TEMPLATE);
    project.provide("postgresqlServer", cluster.url("postgres"));
    return async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const templateDatabase = path.join(dir, "template.db");
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${templateDatabase}` },
    stdio: "pipe",
  });
  project.provide("databaseProvider", "sqlite");
  project.provide("templateDatabase", templateDatabase);
  project.provide("postgresqlServer", "");
  return () => rmSync(dir, { recursive: true, force: true });
}
