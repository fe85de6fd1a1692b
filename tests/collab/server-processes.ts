import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

/** A Kapittel server in a child process (tests/collab/server-process.ts) with its output kept. */
export type ServerProcess = { child: ChildProcess; url: string; output: () => string; kill: () => Promise<void> };

/**
 * Starts a server process on the port (0: any free one) against this test file's database, with
 * extra environment (REDIS_URL). node itself, not npx, so SIGKILL reaches the server.
 */
export async function startServerProcess(env: Record<string, string>, port = 0): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/collab/server-process.ts"], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk;
      const match = /listens on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`the server exited early with ${code}: ${output}`)));
  });
  return {
    child,
    url,
    output: () => output,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGKILL");
      await exited;
    },
  };
}
