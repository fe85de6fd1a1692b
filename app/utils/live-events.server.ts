import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { getEnv } from "./env.server.ts";
import { logRedisState, redisClient, REDIS_OPTIONS } from "./redis.server.ts";
import { forgetSingleton, singleton } from "./singleton.server.ts";

/**
 * Something that happened to a chapter that people who have it open should react to at once.
 * `type` says what (e.g. "comments": the threads changed, refetch them); other fields are hints
 * only: clients always refetch through routes that check permissions, so an event carries no
 * content a listener might not be allowed to see.
 */
export type LiveEvent = { type: string } & Record<string, unknown>;
export type LiveEventListener = (event: LiveEvent) => void;

/**
 * The hub: each chapter's listeners (Server-Sent Events streams, see
 * app/routes/api.chapters.$chapterId.events.ts) get what is published for that chapter.
 * A process-wide singleton because the Remix bundle and the server carry their own copies of app
 * modules. With REDIS_URL set, what is published also reaches the listeners of the other
 * processes (`relay()` below, docs/decisions/022).
 */
function listenersByChapter(): Map<string, Set<LiveEventListener>> {
  return singleton("live-events", () => new Map<string, Set<LiveEventListener>>());
}

/** Tells everyone listening to the chapter, in every process; a listener that throws does not stop the others. */
export function publish(chapterId: string, event: LiveEvent): void {
  deliver(chapterId, event);
  relay()?.publish(chapterId, event);
}

/** This process's listeners only. */
function deliver(chapterId: string, event: LiveEvent): void {
  const listeners = listenersByChapter().get(chapterId);
  if (!listeners) return;
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch (error) {
      console.warn(JSON.stringify({ event: "live-events.listener-failed", chapterId, type: event.type, error: String(error) }));
    }
  }
}

/** Listens to a chapter's events; returns the function that stops listening. */
export function subscribe(chapterId: string, listener: LiveEventListener): () => void {
  const byChapter = listenersByChapter();
  let listeners = byChapter.get(chapterId);
  if (!listeners) {
    byChapter.set(chapterId, (listeners = new Set()));
    relay()?.watch(chapterId);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && byChapter.get(chapterId) === listeners) {
      byChapter.delete(chapterId);
      relay()?.unwatch(chapterId);
    }
  };
}

/**
 * Resolves once events the other processes publish for the chapter reach this one (its Redis
 * subscription stands), at once without Redis, and after a few seconds at most while Redis is away.
 */
export function whenRelayed(chapterId: string): Promise<void> {
  return relay()?.ready(chapterId) ?? Promise.resolve();
}

/** How many listen to a chapter now (for tests and diagnostics). */
export function listenerCount(chapterId: string): number {
  return listenersByChapter().get(chapterId)?.size ?? 0;
}

/** Sent to every listener when the server stops, so that open streams end (clients reconnect). */
export const SHUTDOWN_EVENT: LiveEvent = { type: "server-shutdown" };

/** Tells every listener of every chapter in this process that the server is stopping (server/app.ts, at close). */
export function announceShutdown(): void {
  for (const chapterId of [...listenersByChapter().keys()]) deliver(chapterId, SHUTDOWN_EVENT);
}

type Relay = {
  publish(chapterId: string, event: LiveEvent): void;
  watch(chapterId: string): void;
  unwatch(chapterId: string): void;
  ready(chapterId: string): Promise<void>;
  close(): Promise<void>;
};

const CHANNEL_PREFIX = "kapittel:live:";
/** How long a new stream waits for its chapter's subscription before it opens anyway. */
const READY_WAIT_MS = 3_000;

/**
 * Events between processes through Redis pub/sub, one channel per chapter that has listeners
 * here; null without REDIS_URL. Events are hints (clients refetch, and refetch everything after
 * reconnecting), so one lost while Redis is away costs a late refresh, never data: ioredis's own
 * resubscription is enough, and publishing fails fast meanwhile.
 */
function relay(): Relay | null {
  return singleton("live-events-relay", () => {
    const url = getEnv().REDIS_URL;
    const publisher = url ? redisClient() : null;
    if (!url || !publisher) return null;
    const processId = randomUUID();
    const subscriber = new Redis(url, { ...REDIS_OPTIONS, enableOfflineQueue: true, connectionName: "kapittel-live-events" });
    logRedisState(subscriber, "live-events");
    const subscribed = new Map<string, Promise<void>>();
    let failing = false;
    subscriber.on("message", (channel: string, message: string) => {
      try {
        const { from, event } = JSON.parse(message) as { from: string; event: LiveEvent };
        if (from !== processId && typeof event?.type === "string") deliver(channel.slice(CHANNEL_PREFIX.length), event);
      } catch {
        // not one of ours
      }
    });
    return {
      publish(chapterId, event) {
        publisher.publish(CHANNEL_PREFIX + chapterId, JSON.stringify({ from: processId, event })).then(
          () => (failing = false),
          (error: unknown) => {
            if (!failing) console.warn(JSON.stringify({ event: "live-events.relay.unavailable", chapterId, type: event.type, error: String(error) }));
            failing = true;
          },
        );
      },
      watch(chapterId) {
        const done = subscriber.subscribe(CHANNEL_PREFIX + chapterId).then(
          () => undefined,
          () => undefined, // logged by logRedisState; ioredis subscribes again when it reconnects
        );
        subscribed.set(chapterId, done);
      },
      unwatch(chapterId) {
        subscribed.delete(chapterId);
        void subscriber.unsubscribe(CHANNEL_PREFIX + chapterId).catch(() => undefined);
      },
      ready(chapterId) {
        const done = subscribed.get(chapterId);
        if (!done) return Promise.resolve();
        return Promise.race([done, new Promise<void>((resolve) => setTimeout(resolve, READY_WAIT_MS).unref())]);
      },
      async close() {
        await subscriber.quit().catch(() => subscriber.disconnect());
      },
    };
  });
}

/** Closes the connection to Redis for events (server shutdown). */
export async function closeLiveEventRelay(): Promise<void> {
  const current = singleton<Relay | null>("live-events-relay", () => null);
  forgetSingleton("live-events-relay");
  await current?.close();
}
