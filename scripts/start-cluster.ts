// `npm run start:cluster`: two Kapittel processes (ports 3000 and 3001, or CLUSTER_PORTS=a,b) on
// one PostgreSQL and one Redis, for trying several processes locally (docs/decisions/022).
// DATABASE_URL=postgresql://… and REDIS_URL, when set, are used as they are; otherwise a throwaway
// PostgreSQL and redis-server are started in temporary directories (the same ones the tests
// use) and deleted again on Ctrl-C, together with the demo data loaded into them.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { isPostgresqlUrl } from "../app/common/database-url.ts";
import { startCluster } from "../tests/postgresql/cluster.ts";
import { startRedisServer } from "../tests/redis/server.ts";

const ports = (process.env.CLUSTER_PORTS ?? "3000,3001").split(",").map((port) => Number(port.trim()));
if (ports.length < 2 || ports.some((port) => !Number.isInteger(port) || port <= 0 || port > 65_535)) {
  console.error(`CLUSTER_PORTS must be two or more port numbers separated by commas, such as 3000,3001 (got "${process.env.CLUSTER_PORTS}").`);
  process.exit(78);
}
if (process.env.DATABASE_URL && !isPostgresqlUrl(process.env.DATABASE_URL)) {
  console.error("DATABASE_URL must be a postgresql:// URL: SQLite serves one process only (docs/decisions/022-several-processes.md).");
  process.exit(78);
}

const cleanups: Array<() => Promise<void> | void> = [];
const children: ChildProcess[] = [];
let stopping = false;

async function main() {
  let databaseUrl = process.env.DATABASE_URL;
  let dataDir = process.env.DATA_DIR;
  if (!databaseUrl) {
    const cluster = await startCluster();
    cleanups.push(() => cluster.stop());
    const admin = new pg.Client({ connectionString: cluster.url("postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE kapittel");
    await admin.end();
    databaseUrl = cluster.url("kapittel");
    // Uploads and exports belong with the throwaway database, and go with it.
    const dir = mkdtempSync(path.join(tmpdir(), "kapittel-cluster-data-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    dataDir = dir;
    console.log(`Throwaway PostgreSQL: ${databaseUrl}`);
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const redis = await startRedisServer();
    cleanups.push(() => redis.dispose());
    redisUrl = redis.url;
    console.log(`Throwaway Redis: ${redisUrl}`);
  }
  // Every process must sign sessions and collab tokens alike; one generated here lasts this run.
  const sessionSecret = process.env.SESSION_SECRET ?? randomBytes(32).toString("base64url");
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    SESSION_SECRET: sessionSecret,
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
  };

  execFileSync(process.execPath, ["--import", "tsx", "prisma/deploy.ts"], { env, stdio: "inherit" });
  execFileSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { env, stdio: "inherit" }); // only into an empty database

  for (const port of ports) {
    if (stopping) return;
    await startProcess(port, env);
  }
  console.log(`\nKapittel runs on ${ports.map((port) => `http://localhost:${port}`).join(" and ")}: open the same chapter on both. Ctrl-C stops everything.`);
}

/** One Kapittel process; resolves once it listens (one after the other: the first creates what they share). */
function startProcess(port: number, env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const prefix = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (line) stream.write(`[${port}] ${line}\n`);
  };
  child.stdout!.on("data", prefix(process.stdout));
  child.stderr!.on("data", prefix(process.stderr));
  child.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`The process on port ${port} ended (${signal ?? code}); stopping the others.`);
    void stop(1);
  });
  return new Promise((resolve) => {
    const listening = (chunk: Buffer) => {
      if (!/Kapittel listens on/.test(chunk.toString("utf8"))) return;
      child.stdout!.off("data", listening);
      resolve();
    };
    child.stdout!.on("data", listening);
    child.once("exit", () => resolve());
  });
}

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM"); // each stores its documents before it exits
        }),
    ),
  );
  for (const cleanup of cleanups.reverse()) await cleanup();
  process.exit(code);
}

process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));
main().catch(async (error: unknown) => {
  console.error("The cluster could not start:", error);
  await stop(1);
});
