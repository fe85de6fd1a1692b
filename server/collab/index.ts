import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { CLOSE_CODES } from "#app/common/collab.ts";
import { isPostgresqlUrl } from "#app/common/database-url.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { redisClient } from "#app/utils/redis.server.ts";
import { isSessionActive } from "#app/utils/session.server.ts";
import { runningCollabServices } from "#app/utils/collab-access.server.ts";
import { authenticateUpgrade, documentAccess, UpgradeRefused, type CollabIdentity } from "./authenticate.ts";
import { CollabConnection } from "./connection.ts";
import { DocumentRegistry } from "./document-registry.ts";
import { ConnectionCounts, DEFAULT_LIMITS, MessageRate, type CollabLimits } from "./limits.ts";
import { DEFAULT_TIMING, LiveDocument, REMOTE_ORIGIN, type PersistenceTiming } from "./live-document.ts";
import { jsonLineLogger, type CollabLogger } from "./logging.ts";
import { prismaDocumentStore, type DocumentRenderer, type DocumentStore, type HtmlToUpdate } from "./persistence.ts";
import { encodeAwareness, encodeUpdate } from "./protocol.ts";
import { localRelay, redisRelay, type CollabRelay, type RelayMessage } from "./relay.ts";
import { countDocumentSuggestions } from "./suggestion-guard.ts";

export type CollabServiceOptions = {
  /** The public address, accepted as Origin besides the request's own host. */
  appUrl?: string;
  /** Initialises a chapter that has no Yjs state yet from its bodyHtml (chapter-content.server.ts). */
  htmlToUpdate?: HtmlToUpdate;
  /** Renders the document to the chapter's bodyHtml and bodyText after edits settle. */
  renderer?: DocumentRenderer;
  /** Defaults to the Prisma store; tests may wrap it. */
  store?: DocumentStore;
  limits?: Partial<CollabLimits>;
  timing?: Partial<PersistenceTiming>;
  /** How often connections opened with the session cookie check that the session still exists. */
  sessionCheckMs?: number;
  log?: CollabLogger;
  /** How this process reaches the others (docs/decisions/022); by default Redis when REDIS_URL is set. */
  relay?: CollabRelay;
};

/** The collaboration service as the HTTP server sees it. */
export type CollabService = {
  /** Takes over an upgrade on COLLAB_PATH: authenticates, then speaks y-websocket's protocol. */
  handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Re-decides access for every open connection of the chapter (status or membership changed). */
  refreshChapterAccess: (chapterId: string) => Promise<void>;
  /**
   * Runs `fn` on the chapter's live document (loading it when nobody has it open) as one server
   * change: what it changes reaches every connected client like anyone's edit, and is stored before
   * this resolves. Null when there is no such chapter.
   */
  withDocument: <T>(chapterId: string, fn: (doc: Y.Doc) => T) => Promise<T | null>;
  /** Chapters whose documents are in memory (tests, metrics). */
  loadedChapterIds: () => string[];
  /** Closes every connection (4503), stores every document, stops accepting. */
  close: () => Promise<void>;
};

/** How long shutdown waits for clients to answer the close before cutting the sockets. */
const CLOSE_GRACE_MS = 3_000;

/** The origin of changes the server makes itself (a restored revision, an import): relayed to all. */
const SERVER_ORIGIN = { id: 0, server: true } as const;

/** The origin of presence relayed from another process: not relayed back. */
const REMOTE_AWARENESS = { remote: true } as const;

/** Redis when REDIS_URL is set (several processes), else nothing to relay. */
function defaultRelay(log: CollabLogger): CollabRelay {
  const { REDIS_URL: url, DATABASE_URL } = getEnv();
  if (url && !isPostgresqlUrl(DATABASE_URL)) {
    // Not refused (the relay works), but a second process on the same SQLite file would not be safe.
    log({ event: "collab.relay.sqlite", level: "warn", message: "REDIS_URL is set, but SQLite serves one process only: run several on PostgreSQL" });
  }
  const publisher = url ? redisClient() : null;
  return url && publisher ? redisRelay(url, publisher, log) : localRelay;
}

const STATUS_TEXT = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 503: "Service Unavailable" };

/**
 * Kapittel's Yjs service on y-protocols and ws (docs/decisions/006): authentication at the upgrade,
 * per-connection read/write access, persistence before relay, limits and one log line per connection.
 */
export function createCollabService(options: CollabServiceOptions = {}): CollabService {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const log = options.log ?? jsonLineLogger;
  const store = options.store ?? prismaDocumentStore({ htmlToUpdate: options.htmlToUpdate });
  const counts = new ConnectionCounts(limits);
  const connections = new Set<CollabConnection>();
  // Per chapter too: every relayed update goes to one chapter's connections, not a scan of all.
  const chapters = new Map<string, Set<CollabConnection>>();
  const byChapter = (chapterId: string): Iterable<CollabConnection> => chapters.get(chapterId) ?? [];
  const track = (connection: CollabConnection) => {
    connections.add(connection);
    const { chapterId } = connection.identity;
    const set = chapters.get(chapterId) ?? new Set<CollabConnection>();
    set.add(connection);
    chapters.set(chapterId, set);
  };
  const untrack = (connection: CollabConnection) => {
    connections.delete(connection);
    const set = chapters.get(connection.identity.chapterId);
    set?.delete(connection);
    if (set?.size === 0) chapters.delete(connection.identity.chapterId);
  };
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayload });
  const relay = options.relay ?? defaultRelay(log);
  // One process: skip encoding what nobody would receive.
  const relaying = relay !== localRelay;
  /** Per loaded document: stops listening to the other processes for its chapter. */
  const leaveRelay = new Map<LiveDocument, () => void>();
  let closing = false;

  /** What another process said about a chapter this one has loaded. */
  function onRelayMessage(document: LiveDocument, message: RelayMessage) {
    const { chapterId } = document;
    switch (message.kind) {
      case "update":
        // Stored by its process before it was published: only this process's clients need it.
        return document.applyDurable([message.payload]);
      case "awareness":
        try {
          awarenessProtocol.applyAwarenessUpdate(document.awareness, message.payload, REMOTE_AWARENESS);
        } catch (error) {
          log({ event: "collab.remote.skipAwareness", level: "error", chapter: chapterId, error: String(error) });
        }
        return;
      case "awarenessQuery": {
        // A process that just loaded the chapter: tell it who is here.
        const states = document.awareness.getStates();
        const local = [...byChapter(chapterId)].flatMap((connection) => [...connection.awarenessIds]).filter((id) => states.has(id));
        if (local.length > 0) relay.publish(chapterId, { kind: "awareness", payload: awarenessProtocol.encodeAwarenessUpdate(document.awareness, local) });
        return;
      }
      case "refreshAccess":
        return void refreshLocalAccess(chapterId).catch((error: unknown) =>
          log({ event: "collab.refreshAccess.failed", level: "error", chapter: chapterId, error: String(error) }),
        );
      case "reload":
        return catchUp(document);
    }
  }

  /**
   * Reads the chapter back from the database into its loaded document (updates relayed meanwhile
   * were lost): the whole stored state rather than "rows after ours", because another process may
   * have compacted those rows into the snapshot meanwhile.
   */
  function catchUp(document: LiveDocument): void {
    store.load(document.chapterId).then(
      (stored) => stored && document.applyDurable([Y.encodeStateAsUpdate(stored.doc)]),
      (error: unknown) => log({ event: "collab.catchUp.failed", level: "error", chapter: document.chapterId, error: String(error) }),
    );
  }

  /**
   * Loads a chapter's document. The relay is joined FIRST, then the database read: an update
   * another process stores meanwhile is either in what is read or among the messages kept until
   * the document exists (both, at worst: applying an update twice changes nothing).
   */
  async function openDocument(chapterId: string): Promise<LiveDocument | null> {
    let document: LiveDocument | null = null;
    const early: RelayMessage[] = [];
    const leave = await relay.join(chapterId, (message) => (document ? onRelayMessage(document, message) : early.push(message)));
    let loaded: Awaited<ReturnType<DocumentStore["load"]>>;
    try {
      loaded = await store.load(chapterId);
    } catch (error) {
      leave();
      throw error;
    }
    if (!loaded) {
      leave();
      return null;
    }
    document = createDocument(chapterId, loaded);
    leaveRelay.set(document, leave);
    for (const message of early) onRelayMessage(document, message);
    // Everything loaded is durable, so it may go to the others as an update: a process that missed
    // one (its sender died between storing and publishing it) gets it now. Then: who is here?
    if (relaying) {
      relay.publish(chapterId, { kind: "update", payload: Y.encodeStateAsUpdate(document.doc) });
      relay.publish(chapterId, { kind: "awarenessQuery" });
    }
    return document;
  }

  function createDocument(chapterId: string, loaded: NonNullable<Awaited<ReturnType<DocumentStore["load"]>>>): LiveDocument {
    const document = new LiveDocument(chapterId, loaded, {
      store,
      // Counting open suggestions comes with rendering unless the renderer counts them itself.
      renderer: options.renderer && (options.renderer.render ? options.renderer : { openSuggestions: countDocumentSuggestions, ...options.renderer }),
      timing,
      log,
      relay: (update, origin) => {
        const frame = encodeUpdate(update);
        for (const connection of byChapter(chapterId)) if (connection !== origin) connection.send(frame);
        // Durable now (stored by us, or by the process it came from): the others may have it.
        if (origin !== REMOTE_ORIGIN) relay.publish(chapterId, { kind: "update", payload: update });
      },
    });
    // Presence is not stored: it goes to everyone on the chapter at once, read-only clients included.
    document.awareness.on(
      "update",
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin instanceof CollabConnection) {
          for (const id of added) origin.awarenessIds.add(id);
          for (const id of removed) origin.awarenessIds.delete(id);
        }
        const changed = [...added, ...updated, ...removed];
        const frame = encodeAwareness(document.awareness, changed);
        for (const connection of byChapter(chapterId)) connection.send(frame);
        // Every process times out silent presence by itself; relayed presence is not sent back.
        if (relaying && origin !== REMOTE_AWARENESS && origin !== "timeout") {
          relay.publish(chapterId, { kind: "awareness", payload: awarenessProtocol.encodeAwarenessUpdate(document.awareness, changed) });
        }
      },
    );
    return document;
  }

  const registry = new DocumentRegistry(openDocument, (document) => {
    leaveRelay.get(document)?.();
    leaveRelay.delete(document);
  });

  // Back after a relay outage: updates published meanwhile were lost to this process. The database
  // has every one of them (durable first), so each loaded document reads its chapter back. A status
  // change published meanwhile was lost too: access is re-decided as well.
  relay.onReconnect(() => {
    for (const document of leaveRelay.keys()) {
      const { chapterId } = document;
      catchUp(document);
      refreshLocalAccess(chapterId).catch((error: unknown) => log({ event: "collab.refreshAccess.failed", level: "error", chapter: chapterId, error: String(error) }));
    }
    log({ event: "collab.relay.caughtUp", chapters: leaveRelay.size });
  });

  /** Re-decides access for this process's connections to the chapter. */
  async function refreshLocalAccess(chapterId: string): Promise<void> {
    await Promise.all(
      [...byChapter(chapterId)].map(async (connection) => {
        const access = await documentAccess(connection.identity.userId, chapterId);
        if (access === "missing") connection.close(CLOSE_CODES.notFound, "the chapter was removed");
        else if (access === "none") connection.close(CLOSE_CODES.forbidden, "no access to this chapter any more");
        // A changed access closes the connection, so the client reconnects and learns it (an editor
        // that silently lost write access would keep accepting keystrokes the server drops).
        else if (access !== connection.access) {
          connection.access = access;
          connection.close(CLOSE_CODES.accessChanged, `access is now ${access}`);
        }
      }),
    );
  }

  async function onConnection(ws: import("ws").WebSocket, identity: CollabIdentity) {
    const connection = new CollabConnection(ws, identity, new MessageRate(limits.messagesPerSecond, limits.messageBurst), log, untrack);
    if (!counts.tryAdd(identity.userId, identity.chapterId)) {
      connection.close(CLOSE_CODES.tooManyConnections, "too many connections");
      return;
    }
    track(connection);
    let document: LiveDocument | null = null;
    void connection.closed.then(() => {
      counts.remove(identity.userId, identity.chapterId);
      if (document) {
        awarenessProtocol.removeAwarenessStates(document.awareness, [...connection.awarenessIds], null);
        registry.release(identity.chapterId);
      }
    });
    try {
      const acquired = await registry.acquire(identity.chapterId);
      if (!acquired) return connection.close(CLOSE_CODES.notFound, "no such chapter");
      if (!connection.isOpen) return registry.release(identity.chapterId);
      document = acquired;
      connection.attach(acquired);
    } catch (error) {
      log({ event: "collab.load.failed", level: "error", chapter: identity.chapterId, user: identity.userId, error: String(error) });
      connection.close(1011, "the document could not be loaded");
    }
  }

  function refuse(socket: Duplex, status: keyof typeof STATUS_TEXT) {
    if (socket.destroyed) return;
    socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  // Logout, a password reset or expiry ends a session; its open connections then close with 4401.
  // (A token only opens a connection; such connections end with the token's user's access.)
  const sessionCheck = setInterval(() => {
    const sessions = new Map<string, CollabConnection[]>();
    for (const connection of connections) {
      const { sessionId } = connection.identity;
      if (sessionId) sessions.set(sessionId, [...(sessions.get(sessionId) ?? []), connection]);
    }
    for (const [sessionId, open] of sessions) {
      isSessionActive(sessionId).then(
        (active) => active || open.forEach((c) => c.close(CLOSE_CODES.sessionExpired, "the session has ended")),
        (error: unknown) => log({ event: "collab.sessionCheck.failed", level: "error", error: String(error) }),
      );
    }
  }, options.sessionCheckMs ?? 60_000);
  sessionCheck.unref();

  const service: CollabService = {
    handleUpgrade(request, socket, head) {
      // A client that hangs up during authentication must not become an unhandled error.
      socket.on("error", () => socket.destroy());
      if (closing) return refuse(socket, 503);
      authenticateUpgrade(request, options.appUrl).then(
        (identity) => {
          if (closing) return refuse(socket, 503);
          if (socket.destroyed) return;
          wss.handleUpgrade(request, socket, head, (ws) => void onConnection(ws, identity));
        },
        (error: unknown) => {
          const status = error instanceof UpgradeRefused ? error.status : 400;
          log({
            event: "collab.upgrade.refused",
            ...(error instanceof UpgradeRefused ? {} : { level: "error" }),
            status,
            reason: error instanceof Error ? error.message : String(error),
            path: new URL(request.url ?? "/", "http://localhost").pathname,
            origin: request.headers.origin,
          });
          refuse(socket, status);
        },
      );
    },

    async refreshChapterAccess(chapterId) {
      // The other processes re-decide for their own connections to the chapter.
      relay.publish(chapterId, { kind: "refreshAccess" });
      await refreshLocalAccess(chapterId);
    },

    async withDocument(chapterId, fn) {
      const document = await registry.acquire(chapterId);
      if (!document) return null;
      try {
        let result: ReturnType<typeof fn> | undefined;
        document.doc.transact(() => (result = fn(document.doc)), SERVER_ORIGIN);
        await document.settled();
        return result as ReturnType<typeof fn>;
      } finally {
        registry.release(chapterId);
      }
    },

    loadedChapterIds: () => registry.loadedChapterIds(),

    async close() {
      closing = true;
      clearInterval(sessionCheck);
      runningCollabServices().delete(service);
      const open = [...connections];
      for (const connection of open) connection.close(CLOSE_CODES.serverShutdown, "the server is shutting down");
      const grace = setTimeout(() => open.forEach((c) => c.ws.terminate()), CLOSE_GRACE_MS);
      await Promise.all(open.map((c) => c.closed));
      clearTimeout(grace);
      await registry.drain();
      await relay.close();
      await store.close();
      wss.close();
    },
  };
  runningCollabServices().add(service);
  return service;
}

/** Re-exported for server code; Remix code imports it from #app/utils/collab-access.server.ts. */
export { refreshChapterAccess } from "#app/utils/collab-access.server.ts";
