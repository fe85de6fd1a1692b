import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CLOSE_CODES, COLLAB_PATH, collabTokenUrl } from "#app/common/collab.ts";

/** What the person sees about the connection; `closeCode` explains the last close, if any. */
export type ConnectionState =
  | { kind: "connecting" }
  | { kind: "connected" }
  | { kind: "offline" }
  | { kind: "reconnecting"; closeCode?: number }
  | { kind: "closed"; closeCode: number };

/** The connection state plus, when the server told us, the access this person has now. */
export type ConnectionSnapshot = { state: ConnectionState; access: "write" | "suggest" | "read" | null };

/** How long to wait before reconnecting after a close the server explained (ms). */
const RETRY_AFTER: Partial<Record<number, number>> = {
  [CLOSE_CODES.tooManyMessages]: 5_000,
  [CLOSE_CODES.tooManyConnections]: 15_000,
  [CLOSE_CODES.malformedMessage]: 2_000,
  [CLOSE_CODES.serverShutdown]: 1_000,
  // At once: the new token tells the editor whether it may still write.
  [CLOSE_CODES.accessChanged]: 0,
};
/** Closes after which reconnecting cannot help. */
const FINAL_CLOSES = new Set<number>([CLOSE_CODES.forbidden, CLOSE_CODES.notFound]);
const MAX_BACKOFF = 10_000;

/**
 * One chapter's live document in the browser: a Y.Doc kept in IndexedDB (so writing continues
 * offline and survives a reload) and synced through the collaboration server. Each connection
 * attempt first fetches a fresh short-lived token; which closes are retried, and when, is decided
 * here rather than by y-websocket's default, so every close code gets its own message and delay.
 */
export class ChapterConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly local: IndexeddbPersistence;
  private snapshot: ConnectionSnapshot = { state: { kind: "connecting" }, access: null };
  private listeners = new Set<(snapshot: ConnectionSnapshot) => void>();
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;

  constructor(private readonly chapterId: string) {
    this.local = new IndexeddbPersistence(`kapittel-chapter-${chapterId}`, this.doc);
    const protocol = location.protocol === "https:" ? "wss" : "ws";
    this.provider = new WebsocketProvider(`${protocol}://${location.host}${COLLAB_PATH}`, chapterId, this.doc, {
      connect: false,
      // Tabs must not sync behind the server's back: it decides who may write.
      disableBc: true,
    });
    this.provider.on("status", ({ status }) => {
      if (status === "connected") {
        this.attempts = 0;
        this.setState({ kind: "connected" });
      }
    });
    this.provider.on("connection-close", (event) => this.onClose(event?.code));
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
    void this.connect();
  }

  /** The current state, and a way to follow it (returns the unsubscribe function). */
  get current(): ConnectionSnapshot {
    return this.snapshot;
  }
  private get state(): ConnectionState {
    return this.snapshot.state;
  }
  subscribe(listener: (snapshot: ConnectionSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy() {
    this.destroyed = true;
    clearTimeout(this.timer);
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
    this.provider.destroy();
    void this.local.destroy();
    this.doc.destroy();
  }

  private setState(state: ConnectionState, access = this.snapshot.access) {
    this.snapshot = { state, access };
    for (const listener of this.listeners) listener(this.snapshot);
  }

  private onOnline = () => {
    if (this.state.kind === "offline") {
      clearTimeout(this.timer);
      this.setState({ kind: "reconnecting" });
      void this.connect();
    }
  };

  private onOffline = () => {
    if (this.state.kind === "closed") return;
    clearTimeout(this.timer);
    this.setState({ kind: "offline" });
    // Drop the socket now rather than waiting for a timeout: the state says what is true.
    this.provider.disconnect();
  };

  /** Fetches a token and opens the socket; on failure schedules the next attempt. */
  private async connect(): Promise<void> {
    if (this.destroyed) return;
    if (!navigator.onLine) {
      this.setState({ kind: "offline" });
      return;
    }
    let response: Response;
    try {
      response = await fetch(collabTokenUrl(this.chapterId), { headers: { Accept: "application/json" }, credentials: "same-origin" });
    } catch {
      // The network is down even if the browser does not know it yet.
      this.setState({ kind: navigator.onLine ? "reconnecting" : "offline" });
      this.retry();
      return;
    }
    if (this.destroyed) return;
    if (response.status === 401) return this.setState({ kind: "closed", closeCode: CLOSE_CODES.sessionExpired });
    if (response.status === 403) return this.setState({ kind: "closed", closeCode: CLOSE_CODES.forbidden });
    if (response.status === 404) return this.setState({ kind: "closed", closeCode: CLOSE_CODES.notFound });
    if (!response.ok) {
      this.setState({ kind: "reconnecting" });
      this.retry();
      return;
    }
    const { token, access } = (await response.json()) as { token: string; access?: unknown };
    // If the token route says what this person may do now, the editor follows it on every (re)connect.
    if (access === "write" || access === "suggest" || access === "read") this.setState(this.state, access);
    this.provider.params = { token };
    this.provider.connect();
  }

  private onClose(code: number | undefined) {
    // A close we asked for (going offline, leaving the page) needs no answer.
    if (code === undefined || this.destroyed) return;
    // From here on this class decides whether and when to reconnect, not y-websocket's backoff.
    this.provider.shouldConnect = false;
    if (!navigator.onLine) return this.setState({ kind: "offline" });
    if (FINAL_CLOSES.has(code)) return this.setState({ kind: "closed", closeCode: code });
    if (code === CLOSE_CODES.notASuggestion) {
      // The server refused a change that was more than a suggestion, and would refuse it again on
      // every reconnect: drop the local copy holding it, so a reload starts from the stored text.
      void this.local.clearData();
      return this.setState({ kind: "closed", closeCode: code });
    }
    const known = (Object.values(CLOSE_CODES) as number[]).includes(code);
    this.setState({ kind: "reconnecting", closeCode: known ? code : undefined });
    this.retry(RETRY_AFTER[code]);
  }

  private retry(delay?: number) {
    clearTimeout(this.timer);
    this.attempts += 1;
    const wait = delay ?? Math.min(MAX_BACKOFF, 250 * 2 ** this.attempts);
    this.timer = setTimeout(() => void this.connect(), wait);
  }
}
