import { Redis, type RedisOptions } from "ioredis";
import { getEnv } from "./env.server.ts";
import { forgetSingleton, singleton } from "./singleton.server.ts";

/**
 * How every Kapittel connection to Redis behaves. Commands fail at once while Redis is away
 * instead of queueing without bound (a rate limit falls back to its in-memory twin, a relayed
 * update is simply not relayed: it is in the database). ioredis keeps reconnecting meanwhile.
 */
export const REDIS_OPTIONS: RedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  // Reconnect quickly at first, then every two seconds at most, for as long as it takes.
  retryStrategy: (attempt) => Math.min(50 * attempt, 2_000),
  lazyConnect: false,
};

/** Logs a connection's state changes once per change, not once per failed reconnect. */
export function logRedisState(client: Redis, name: string): void {
  let last = "";
  const report = (state: string, level: "info" | "warn", error?: unknown) => {
    if (state === last) return;
    last = state;
    const line = JSON.stringify({ event: `redis.${state}`, connection: name, ...(error ? { error: String(error) } : {}) });
    if (level === "warn") console.warn(line);
    else console.log(line);
  };
  client.on("ready", () => report("ready", "info"));
  client.on("error", (error: unknown) => report("unavailable", "warn", error));
  client.on("end", () => report("closed", "info"));
}

/**
 * The process's command connection to Redis (REDIS_URL), shared by the rate limits and the
 * collaboration relay's publishing; null when REDIS_URL is unset (one process, all in memory).
 */
export function redisClient(): Redis | null {
  return singleton("redis-client", () => {
    const url = getEnv().REDIS_URL;
    if (!url) return null;
    const client = new Redis(url, { ...REDIS_OPTIONS, connectionName: "kapittel" });
    logRedisState(client, "commands");
    return client;
  });
}

/** Closes the shared connection (server shutdown); a later redisClient() opens a new one. */
export async function closeRedisClient(): Promise<void> {
  // Never opened: the placeholder null is forgotten again at once.
  const client = singleton<Redis | null>("redis-client", () => null);
  forgetSingleton("redis-client");
  if (client) await client.quit().catch(() => client.disconnect());
}
