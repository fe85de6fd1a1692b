import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closeRedisClient, redisClient } from "#app/utils/redis.server.ts";
import { LOGIN_FAILURES_PER_ACCOUNT, loginBlockedForSeconds, recordLoginFailure } from "#app/utils/rate-limit.server.ts";
import { forgetSingleton } from "#app/utils/singleton.server.ts";
import { waitFor } from "#tests/collab/helpers.ts";
import { startRedisServer, type RedisServer } from "./server.ts";

// The limits kept in Redis (REDIS_URL set); the same limit hit from two processes is in
// tests/cluster/two-processes.test.ts.
describe("rate limits in Redis", () => {
  let redis: RedisServer;
  let probe: Redis;
  const limiterNames = ["login-account-limiter", "login-ip-limiter"];
  const freshLimiters = () => limiterNames.forEach(forgetSingleton);

  beforeAll(async () => {
    redis = await startRedisServer();
    process.env.REDIS_URL = redis.url;
    forgetSingleton("env");
    freshLimiters();
    probe = new Redis(redis.url);
    // Before the first connection stands, the limits count in memory (as during an outage).
    await waitFor(() => redisClient()?.status === "ready", { message: "the shared connection" });
  });
  afterAll(async () => {
    probe?.disconnect();
    await closeRedisClient();
    delete process.env.REDIS_URL;
    forgetSingleton("env");
    freshLimiters();
    await redis?.dispose();
  });

  test("failures are counted in Redis, so a limiter of another process sees them", async () => {
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i++) await recordLoginFailure("anna@example.org", `10.0.0.${i}`);
    expect(Number(await probe.get("kapittel:rate:login-account:anna@example.org"))).toBe(LOGIN_FAILURES_PER_ACCOUNT);
    freshLimiters(); // new limiter objects, nothing in memory: as in a second process
    expect(await loginBlockedForSeconds("anna@example.org", "10.0.0.99")).toBeGreaterThan(0);
    expect(await loginBlockedForSeconds("bert@example.org", "10.0.0.99")).toBe(0);
  });

  test("while Redis is away the limits count in memory and say so; afterwards Redis counts again", async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(" "));
    try {
      await redis.stop();
      await waitFor(() => redisClient()?.status !== "ready", { message: "the client to notice the outage" });
      for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i++) await recordLoginFailure("carla@example.org", "10.0.1.1");
      expect(await loginBlockedForSeconds("carla@example.org", "10.0.1.2")).toBeGreaterThan(0);
      expect(warnings.filter((line) => line.includes("rateLimit.memoryFallback")).length).toBeGreaterThan(0);
      await redis.start();
      await waitFor(() => redisClient()?.status === "ready", { timeout: 15_000, message: "the client to reconnect" });
      await recordLoginFailure("dirk@example.org", "10.0.1.3");
      expect(Number(await probe.get("kapittel:rate:login-account:dirk@example.org"))).toBe(1);
    } finally {
      console.warn = warn;
    }
  });
});
