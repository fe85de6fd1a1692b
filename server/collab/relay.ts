import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { logRedisState, REDIS_OPTIONS } from "#app/utils/redis.server.ts";
import type { CollabLogger } from "./logging.ts";

/**
 * What one Kapittel process tells the others about a chapter (docs/decisions/022):
 * - `update`: a Yjs update it has stored (durable before it is relayed, as for its own clients);
 * - `awareness`: presence of its clients (carets, names), including their removal on disconnect;
 * - `awarenessQuery`: a process that just loaded the chapter asks the others for their presence;
 * - `refreshAccess`: the chapter's status or membership changed: re-decide access of every connection;
 * - `reload`: some of the sender's updates for the chapter could not be published (its connection
 *   to Redis failed while the others' did not): read the chapter back from the database.
 */
export type RelayMessage =
  | { kind: "update"; payload: Uint8Array }
  | { kind: "awareness"; payload: Uint8Array }
  | { kind: "awarenessQuery" }
  | { kind: "refreshAccess" }
  | { kind: "reload" };

/** How the collaboration service reaches the other processes; `localRelay` when there are none. */
export type CollabRelay = {
  /**
   * Listens to the chapter's messages from other processes (never its own). Resolves once the
   * subscription stands, so that a document loaded afterwards misses nothing; at once when Redis is
   * unreachable (the process then serves its own clients, and catches up through `onReconnect`).
   */
  join(chapterId: string, onMessage: (message: RelayMessage) => void): Promise<() => void>;
  /** Sends to every other process that has the chapter open; fire and forget. */
  publish(chapterId: string, message: RelayMessage): void;
  /** Called when the relay is back after an outage: messages of that time were lost. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
};

/** One process: nothing to relay. */
export const localRelay: CollabRelay = {
  join: async () => () => {},
  publish: () => {},
  onReconnect: () => {},
  close: async () => {},
};

const KINDS = ["update", "awareness", "awarenessQuery", "refreshAccess", "reload"] as const;
const PROCESS_ID_BYTES = 16;
const channelOf = (chapterId: string) => `kapittel:collab:${chapterId}`;
const CHANNEL_PREFIX = "kapittel:collab:";
/** How long a chapter opened while the relay is still connecting for the first time waits for it. */
const FIRST_CONNECT_WAIT_MS = 2_000;

/** [kind byte][process id][payload]: binary, so an update is not inflated by base64. */
export function encodeRelayMessage(processId: Buffer, message: RelayMessage): Buffer {
  const payload = "payload" in message ? message.payload : new Uint8Array(0);
  return Buffer.concat([Buffer.of(KINDS.indexOf(message.kind)), processId, payload]);
}

/** The sender and message of a frame; null for a frame no Kapittel process would send. */
export function decodeRelayMessage(frame: Buffer): { from: Buffer; message: RelayMessage } | null {
  const kind = KINDS[frame[0] ?? -1];
  if (!kind || frame.length < 1 + PROCESS_ID_BYTES) return null;
  const from = frame.subarray(1, 1 + PROCESS_ID_BYTES);
  // A copy: a message kept while its document loads must not share memory the client may reuse.
  const payload = new Uint8Array(frame.subarray(1 + PROCESS_ID_BYTES));
  if (kind === "update" || kind === "awareness") return { from, message: { kind, payload } };
  return { from, message: { kind } };
}

/**
 * The relay through Redis pub/sub: one channel per chapter, each process subscribed to the
 * chapters it has loaded. Publishing goes over the shared command connection (it fails fast while
 * Redis is away: what was not relayed is in the database); subscribing needs a connection of its own.
 */
export function redisRelay(url: string, publisher: Redis, log: CollabLogger): CollabRelay {
  const processId = randomBytes(PROCESS_ID_BYTES);
  // Resubscribing ourselves after a reconnect (instead of ioredis's autoResubscribe) lets the
  // subscriptions and the catch-up happen in a known order.
  const subscriber = new Redis(url, { ...REDIS_OPTIONS, enableOfflineQueue: true, autoResubscribe: false, connectionName: "kapittel-relay" });
  logRedisState(subscriber, "relay");
  const handlers = new Map<string, Set<(message: RelayMessage) => void>>();
  const reconnectListeners: Array<() => void> = [];
  let wasReady = false;
  let failedPublishes = 0;
  // Chapters with updates that were stored but not published: the others are told to reload them.
  const unrelayed = new Set<string>();
  const sendReloads = () => {
    for (const chapterId of [...unrelayed]) {
      unrelayed.delete(chapterId);
      publish(chapterId, { kind: "reload" });
    }
  };
  // The command connection back (after it alone failed, perhaps): no need to wait for a next edit.
  const onPublisherReady = () => {
    if (unrelayed.size > 0) sendReloads();
  };
  publisher.on("ready", onPublisherReady);

  function publish(chapterId: string, message: RelayMessage): void {
    publisher.publish(channelOf(chapterId), encodeRelayMessage(processId, message)).then(
      () => {
        if (failedPublishes > 0) log({ event: "collab.relay.restored", unrelayed: failedPublishes });
        failedPublishes = 0;
        if (unrelayed.size > 0) sendReloads();
      },
      (error: unknown) => {
        if (message.kind === "update" || message.kind === "reload") unrelayed.add(chapterId);
        // Once per outage, not once per keystroke.
        if (failedPublishes++ === 0) log({ event: "collab.relay.unavailable", level: "error", chapter: chapterId, error: String(error) });
      },
    );
  }
  let firstReady: () => void = () => {};
  const firstSubscribed = new Promise<void>((resolve) => (firstReady = resolve));

  subscriber.on("ready", () => {
    const channels = [...handlers.keys()].map(channelOf);
    const resubscribed = channels.length > 0 ? subscriber.subscribe(...channels) : Promise.resolve(0);
    void resubscribed.then(
      () => {
        // Chapters joined while not subscribed (an outage, or a first connection that took longer
        // than joining waits) may have missed updates: the listeners read them back.
        if (wasReady || channels.length > 0) reconnectListeners.forEach((listener) => listener());
        wasReady = true;
        firstReady();
      },
      (error: unknown) => log({ event: "collab.relay.subscribe.failed", level: "error", error: String(error) }),
    );
  });
  subscriber.on("messageBuffer", (channel: Buffer, frame: Buffer) => {
    const decoded = decodeRelayMessage(frame);
    if (!decoded || decoded.from.equals(processId)) return;
    const chapterId = channel.toString("utf8").slice(CHANNEL_PREFIX.length);
    for (const handler of handlers.get(chapterId) ?? []) handler(decoded.message);
  });

  return {
    async join(chapterId, onMessage) {
      let set = handlers.get(chapterId);
      if (!set) {
        handlers.set(chapterId, (set = new Set()));
        if (subscriber.status === "ready") {
          await subscriber.subscribe(channelOf(chapterId)).catch((error: unknown) => {
            log({ event: "collab.relay.subscribe.failed", level: "error", chapter: chapterId, error: String(error) });
          });
        } else if (!wasReady) {
          // Just started: the first connection subscribes every joined chapter; wait for it a
          // little, so that the usual case needs no catch-up.
          await Promise.race([firstSubscribed, new Promise((resolve) => setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref())]);
        }
        // Not ready: the "ready" handler subscribes it, then the catch-up loads what was missed.
      }
      set.add(onMessage);
      return () => {
        set.delete(onMessage);
        if (set.size > 0 || handlers.get(chapterId) !== set) return;
        handlers.delete(chapterId);
        if (subscriber.status === "ready") void subscriber.unsubscribe(channelOf(chapterId)).catch(() => undefined);
      };
    },

    publish,

    onReconnect(listener) {
      reconnectListeners.push(listener);
    },

    async close() {
      handlers.clear();
      publisher.off("ready", onPublisherReady);
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
