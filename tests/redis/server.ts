import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** A throwaway redis-server for one test file (or `npm run start:cluster`). */
export type RedisServer = {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** Stops it (an outage); `start()` brings it back on the same port, empty. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and deletes its directory. */
  dispose(): Promise<void>;
};

const REDIS_SERVER = "/usr/bin/redis-server";

/**
 * Starts redis-server on a free port, without persistence, in a temporary directory. The port is
 * found by binding port 0 and closing it again: another program may take it in between, so a
 * refused bind is retried on a new port.
 */
export async function startRedisServer(): Promise<RedisServer> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error("redis-server is not installed: sudo apt-get install -y redis-server (or run node tests/ensure-system-deps.mjs as root).");
  }
  const dir = mkdtempSync(path.join(tmpdir(), "kapittel-redis-"));
  let port = 0;
  let child: ChildProcess | null = null;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      child = await launch(port, dir);
      break;
    } catch (error) {
      if (attempt >= 4 || !/Address already in use/i.test(String(error))) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL"); // nothing to save: --save '' --appendonly no
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    async start() {
      if (!child) child = await launch(port, dir);
    },
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function launch(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--protected-mode", "no", "--loglevel", "warning"],
    { stdio: ["ignore", "pipe", "pipe"], cwd: dir },
  );
  let log = "";
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  // Polls with a deadline until it answers on the port (the log line varies with the loglevel).
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 15_000;
    const poll = () => {
      if (child.exitCode !== null) return reject(new Error(`redis-server did not start:\n${log}`));
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        return reject(new Error(`redis-server did not start within 15 s:\n${log}`));
      }
      ping(port).then((ok) => (ok ? resolve(child) : setTimeout(poll, 25)));
    };
    poll();
  });
}

/** Whether something on the port answers PING with PONG. */
async function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.setTimeout(1_000, () => socket.destroy());
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      answer += chunk;
      if (answer.includes("\r\n")) socket.end();
    });
    socket.on("close", () => resolve(answer.startsWith("+PONG")));
    socket.on("error", () => undefined);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
