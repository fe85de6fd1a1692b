import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { ConfigError, parseEnv } from "./env.server.ts";

const secret = "x".repeat(40);

describe("configuration", () => {
  test("defaults make a zero-configuration start work", () => {
    const env = parseEnv({ SESSION_SECRET: secret });
    expect(env).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", DATABASE_URL: "file:./data/kapittel.db", NODE_ENV: "production" });
  });

  test("a PostgreSQL DATABASE_URL is accepted", () => {
    expect(parseEnv({ SESSION_SECRET: secret, DATABASE_URL: "postgresql://kapittel@db.example/kapittel" }).DATABASE_URL).toBe("postgresql://kapittel@db.example/kapittel");
    expect(parseEnv({ SESSION_SECRET: secret, DATABASE_URL: "postgres://kapittel@db.example/kapittel" }).DATABASE_URL).toBe("postgres://kapittel@db.example/kapittel");
  });

  test("a Redis URL is accepted (several processes)", () => {
    expect(parseEnv({ SESSION_SECRET: secret, REDIS_URL: "redis://127.0.0.1:6379" }).REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(parseEnv({ SESSION_SECRET: secret }).REDIS_URL).toBeUndefined();
  });

  test("empty variables count as unset", () => {
    expect(parseEnv({ SESSION_SECRET: secret, PORT: "" }).PORT).toBe(3000);
  });

  test.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://localhost/kapittel"],
    ["SMTP_URL", "http://mail.example"],
    ["APP_URL", "not a url"],
    ["SESSION_SECRET", "short"],
    ["REDIS_URL", "localhost:6379"],
  ])("a malformed %s is refused with a message naming it", (name, value) => {
    expect(() => parseEnv({ SESSION_SECRET: secret, [name]: value })).toThrowError(ConfigError);
    expect(() => parseEnv({ SESSION_SECRET: secret, [name]: value })).toThrowError(new RegExp(`${name}:`));
  });

  test("the server refuses to start on bad configuration and names the variable", async () => {
    const run = promisify(execFile)("npx", ["tsx", "server/index.ts"], {
      env: { ...process.env, PORT: "not-a-port", DATABASE_URL: "file:/tmp/unused.db" },
    });
    const failure = await run.then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(78);
    expect(failure?.stderr).toContain("PORT: must be a number");
  });
});
