import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, test } from "vitest";

describe("the server process", () => {
  test("starts, serves, and on SIGTERM finishes and exits cleanly", async () => {
    // node itself, not npx, so the signal reaches the server and not a wrapper process.
    const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      env: { ...process.env, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (chunk) => (output += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk;
        const match = /listens on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once("exit", (code) => reject(new Error(`exited early with ${code}: ${output}`)));
    });
    // A response whose body is still being read when the signal arrives is finished, not cut off.
    const response = await fetch(url);
    child.kill("SIGTERM");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Kapittel");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
    expect(output).toContain("SIGTERM: finishing running requests");
  });
});
