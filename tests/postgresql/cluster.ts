import { execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A throwaway PostgreSQL server for one test run. */
export type Cluster = {
  /** postgresql:// URL of a database on it (the socket directory in `host`). */
  url(database: string): string;
  /** Stops the server and deletes its files. */
  stop(): Promise<void>;
};

const USER = "kapittel";

/** The newest installed Debian PostgreSQL's bin directory, or null when none is installed. */
export function postgresqlBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  const newest = versions[0];
  return newest ? path.join(root, newest, "bin") : null;
}

/**
 * initdb in a temporary directory and a server that listens only on a Unix socket in that
 * directory: no port to collide with anyone's. PostgreSQL refuses to run as root, so under root
 * (CI) the files belong to `nobody` and the programs run as `nobody` (spawned with its uid, so
 * the stop signal reaches postgres itself).
 */
export async function startCluster(): Promise<Cluster> {
  const bin = postgresqlBinDir();
  if (!bin) throw new Error("PostgreSQL is not installed: sudo apt-get install -y postgresql (or run node tests/ensure-system-deps.mjs as root).");
  const dir = mkdtempSync(path.join(tmpdir(), "kapittel-pg-"));
  const data = path.join(dir, "data");
  // Under root the programs run as nobody, with the signals going straight to postgres.
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? { uid: numericId("-u"), gid: numericId("-g") } : {};
  if (asRoot) {
    chownSync(dir, ids.uid!, ids.gid!);
    chmodSync(dir, 0o755);
  }
  execFileSync(path.join(bin, "initdb"), ["-D", data, "-U", USER, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], { stdio: "pipe", cwd: dir, ...ids });
  // fsync off: a test cluster's data may be lost with the machine.
  const server = spawn(
    path.join(bin, "postgres"),
    ["-D", data, "-k", dir, "-c", "listen_addresses=", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"],
    { stdio: ["ignore", "ignore", "pipe"], cwd: dir, ...ids },
  );
  let log = "";
  server.stderr.on("data", (chunk) => (log += chunk));
  const url = (database: string) => `postgresql://${USER}@localhost/${database}?host=${encodeURIComponent(dir)}`;
  await waitUntilReady(server, () => log);
  return {
    url,
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGINT"); // PostgreSQL's "fast" shutdown: ends every session at once
        const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** nobody's user or group id. */
function numericId(flag: "-u" | "-g"): number {
  return Number(execFileSync("id", [flag, "nobody"], { encoding: "utf8" }).trim());
}

/** Polls the server's log for its ready line (the socket file appears slightly before that). */
async function waitUntilReady(server: ReturnType<typeof spawn>, log: () => string) {
  const deadline = Date.now() + 30_000;
  while (!/ready to accept connections/.test(log())) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL did not start:\n${log()}`);
    if (Date.now() > deadline) throw new Error(`PostgreSQL did not start within 30 s:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
