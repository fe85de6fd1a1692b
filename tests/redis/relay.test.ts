import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { REDIS_OPTIONS } from "#app/utils/redis.server.ts";
import { decodeRelayMessage, encodeRelayMessage, redisRelay, type CollabRelay, type RelayMessage } from "#server/collab/relay.ts";
import { waitFor } from "#tests/collab/helpers.ts";
import { startRedisServer, type RedisServer } from "./server.ts";

// The relay between processes on a real redis-server (two relays in one test process stand for
// two Kapittel processes); the whole path through the collaboration service is in tests/cluster.
describe("collaboration relay through Redis", () => {
  let redis: RedisServer;
  const opened: Array<{ relay: CollabRelay; publisher: Redis }> = [];
  const openWithPublisher = () => {
    const publisher = new Redis(redis.url, REDIS_OPTIONS);
    publisher.on("error", () => {}); // the outage tests stop Redis on purpose
    const relay = redisRelay(redis.url, publisher, () => {});
    opened.push({ relay, publisher });
    return { relay, publisher };
  };
  const open = () => openWithPublisher().relay;

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const { relay, publisher } of opened) {
      await relay.close();
      publisher.disconnect();
    }
    await redis?.dispose();
  });

  test("frames round-trip; a frame no process would send is refused", () => {
    const id = Buffer.alloc(16, 7);
    const decoded = decodeRelayMessage(encodeRelayMessage(id, { kind: "update", payload: Uint8Array.of(1, 2, 3) }));
    expect(decoded?.from.equals(id)).toBe(true);
    expect(decoded?.message).toEqual({ kind: "update", payload: Uint8Array.of(1, 2, 3) });
    expect(decodeRelayMessage(encodeRelayMessage(id, { kind: "refreshAccess" }))?.message).toEqual({ kind: "refreshAccess" });
    expect(decodeRelayMessage(Buffer.of(9, ...id))).toBeNull();
    expect(decodeRelayMessage(Buffer.of(0, 1, 2))).toBeNull();
  });

  test("a message reaches the other process on that chapter only, never its sender", async () => {
    const a = open();
    const b = open();
    const atA: RelayMessage[] = [];
    const atB: RelayMessage[] = [];
    const atBOther: RelayMessage[] = [];
    await a.join("chapter-1", (m) => atA.push(m));
    await b.join("chapter-1", (m) => atB.push(m));
    await b.join("chapter-2", (m) => atBOther.push(m));
    a.publish("chapter-1", { kind: "update", payload: Uint8Array.of(42) });
    a.publish("chapter-1", { kind: "awarenessQuery" });
    await waitFor(() => atB.length === 2, { message: "both messages at B" });
    expect(atB).toEqual([{ kind: "update", payload: Uint8Array.of(42) }, { kind: "awarenessQuery" }]);
    // Published after A's: had A received its own, it would have come first.
    b.publish("chapter-1", { kind: "refreshAccess" });
    await waitFor(() => atA.length === 1, { message: "B's message at A" });
    expect(atA).toEqual([{ kind: "refreshAccess" }]);
    expect(atBOther).toEqual([]);
  });

  test("after a Redis outage the relay resubscribes, reports the reconnect, and relays again", async () => {
    const a = open();
    const b = open();
    const atB: RelayMessage[] = [];
    let reconnects = 0;
    b.onReconnect(() => reconnects++);
    await a.join("chapter-3", () => {});
    await b.join("chapter-3", (m) => atB.push(m));
    await redis.stop();
    // Publishing during the outage fails quietly (what was not relayed is in the database).
    a.publish("chapter-3", { kind: "update", payload: Uint8Array.of(1) });
    await redis.start();
    await waitFor(() => reconnects === 1, { timeout: 15_000, message: "the reconnect to be reported" });
    await waitFor(
      () => {
        a.publish("chapter-3", { kind: "update", payload: Uint8Array.of(2) });
        return atB.some((m) => m.kind === "update" && m.payload[0] === 2);
      },
      { timeout: 15_000, message: "relaying to work again" },
    );
    expect(atB.some((m) => m.kind === "update" && m.payload[0] === 1)).toBe(false);
  });

  test("updates a process could not publish while only its own connection was down make the others reload the chapter", async () => {
    const { relay: a, publisher } = openWithPublisher();
    const b = open();
    const atB: RelayMessage[] = [];
    await a.join("chapter-4", () => {});
    await b.join("chapter-4", (m) => atB.push(m));
    await waitFor(() => publisher.status === "ready", { message: "A's connection" });
    publisher.disconnect();
    await waitFor(() => publisher.status === "end", { message: "A's connection to close" });
    a.publish("chapter-4", { kind: "update", payload: Uint8Array.of(7) });
    a.publish("chapter-5", { kind: "awareness", payload: Uint8Array.of(8) }); // presence heals by itself
    await publisher.connect();
    await waitFor(() => atB.some((m) => m.kind === "reload"), { message: "B to be told to reload" });
    expect(atB).toEqual([{ kind: "reload" }]);
  });
});
