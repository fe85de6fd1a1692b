/** How much one connection, one user and one document may use (options of createCollabService). */
export type CollabLimits = {
  /** Largest frame in bytes; larger ones close the connection (1009). Images are uploaded, not inlined. */
  maxPayload: number;
  /** Sustained messages per second per connection, and the burst allowed on top (close 4429). */
  messagesPerSecond: number;
  messageBurst: number;
  /** Open connections per user and per document (close 4430). */
  connectionsPerUser: number;
  connectionsPerDocument: number;
};

export const DEFAULT_LIMITS: CollabLimits = {
  maxPayload: 2 * 1024 * 1024,
  // A fast typist with a caret sends ~20 messages/s; reconnecting after offline work sends a burst.
  messagesPerSecond: 60,
  messageBurst: 300,
  connectionsPerUser: 20,
  connectionsPerDocument: 200,
};

/** A token bucket: `take()` says whether one more message fits the connection's rate. */
export class MessageRate {
  #tokens: number;
  #last = performance.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.#tokens = burst;
  }

  take(): boolean {
    const now = performance.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * this.perSecond);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

/** Counts open connections per user and per document, and refuses one more than the limits allow. */
export class ConnectionCounts {
  readonly #perUser = new Map<string, number>();
  readonly #perDocument = new Map<string, number>();

  constructor(private readonly limits: Pick<CollabLimits, "connectionsPerUser" | "connectionsPerDocument">) {}

  /** Counts the connection in and returns true, or returns false (and counts nothing) when over a limit. */
  tryAdd(userId: string, chapterId: string): boolean {
    const user = this.#perUser.get(userId) ?? 0;
    const document = this.#perDocument.get(chapterId) ?? 0;
    if (user >= this.limits.connectionsPerUser || document >= this.limits.connectionsPerDocument) return false;
    this.#perUser.set(userId, user + 1);
    this.#perDocument.set(chapterId, document + 1);
    return true;
  }

  remove(userId: string, chapterId: string): void {
    decrement(this.#perUser, userId);
    decrement(this.#perDocument, chapterId);
  }
}

function decrement(map: Map<string, number>, key: string) {
  const n = (map.get(key) ?? 0) - 1;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}
