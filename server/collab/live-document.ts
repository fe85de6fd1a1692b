import * as awarenessProtocol from "y-protocols/awareness";
import type * as Y from "yjs";
import { applyUpdate, encodeStateAsUpdate } from "yjs";
import type { CollabLogger } from "./logging.ts";
import type { DocumentRenderer, DocumentStore, LoadedDocument } from "./persistence.ts";

/** When the stored work of a document happens. */
export type PersistenceTiming = {
  /** Compact once this many updates are stored on top of the snapshot. */
  compactAfterUpdates: number;
  /** Render HTML/text this long after the last change… */
  renderDebounceMs: number;
  /** …but no later than this after the first unrendered change, however busy the document. */
  renderMaxWaitMs: number;
  /** Wait before retrying a failed store (the updates stay in memory meanwhile). */
  retryDelayMs: number;
};

export const DEFAULT_TIMING: PersistenceTiming = {
  compactAfterUpdates: 500,
  renderDebounceMs: 2_000,
  renderMaxWaitMs: 10_000,
  retryDelayMs: 1_000,
};

/** Something an update came from; it is not sent its own update back. */
export type UpdateOrigin = { readonly id: number };

/**
 * The origin of updates that another process stored and relayed (relay.ts), or that were read back
 * from the database: already durable, so they go to this process's clients but are neither stored
 * nor relayed again.
 */
export const REMOTE_ORIGIN = { id: -1, remote: true } as const;

type Pending = { update: Uint8Array; origin: unknown };

/**
 * One chapter's document in memory, with the order of its writes: every update is appended to
 * the store, in order and one batch at a time, before `relay` passes it to anyone. Compaction and
 * rendering run in the same queue, so no two writes for one document ever overlap.
 */
export class LiveDocument {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  #lastUpdateId: number;
  #storedUpdates: number;
  #queue: Promise<void> = Promise.resolve();
  #pending: Pending[] = [];
  #flushQueued = false;
  #renderDue = false;
  #debounce: NodeJS.Timeout | undefined;
  #ceiling: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    readonly chapterId: string,
    loaded: LoadedDocument,
    private readonly hooks: {
      store: DocumentStore;
      renderer?: DocumentRenderer;
      timing: PersistenceTiming;
      log: CollabLogger;
      /** Called once an update is durable (at once for REMOTE_ORIGIN: it already is). */
      relay: (update: Uint8Array, origin: unknown) => void;
    },
  ) {
    this.doc = loaded.doc;
    this.#lastUpdateId = loaded.lastUpdateId;
    this.#storedUpdates = loaded.storedUpdates;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null); // the server itself is nobody's presence
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === "load") return;
      if (origin === REMOTE_ORIGIN) {
        // Its process renders it; this one only makes sure its own last rendering includes it.
        this.#renderDue = Boolean(this.hooks.renderer);
        return this.hooks.relay(update, origin);
      }
      this.#pending.push({ update, origin });
      this.#queueFlush();
    });
  }

  /** Stored updates on top of the snapshot (for tests and metrics). */
  get storedUpdates(): number {
    return this.#storedUpdates;
  }

  /** Resolves when every write queued so far is done. */
  settled(): Promise<void> {
    return this.#queue;
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(task, task);
    return this.#queue;
  }

  #queueFlush(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    void this.#enqueue(() => this.#flush());
  }

  async #flush(): Promise<void> {
    this.#flushQueued = false;
    const batch = this.#pending.splice(0);
    if (batch.length === 0) return;
    try {
      this.#lastUpdateId = await this.hooks.store.append(this.chapterId, batch.map((p) => p.update));
    } catch (error) {
      // Never drop: keep the batch first in line and try again; peers wait for it meanwhile.
      this.#pending.unshift(...batch);
      this.hooks.log({ event: "collab.store.failed", level: "error", chapter: this.chapterId, updates: batch.length, error: String(error) });
      if (!this.#closed) setTimeout(() => this.#queueFlush(), this.hooks.timing.retryDelayMs).unref();
      return;
    }
    this.#storedUpdates += batch.length;
    for (const { update, origin } of batch) this.hooks.relay(update, origin);
    this.#scheduleRender();
    if (this.#storedUpdates > this.hooks.timing.compactAfterUpdates) await this.#compact();
  }

  /**
   * Folds the stored updates into the snapshot. The snapshot is the document in memory, which holds
   * every update this process stored (and perhaps a few not yet stored: those are appended later,
   * and applying an update twice changes nothing), merged with what the database holds: with
   * several processes (docs/decisions/022) rows up to `through` may come from another process
   * whose relayed copy has not arrived yet. Those are applied here too (and reach this process's
   * clients), so deleting the rows loses nothing. Only rows up to our last stored one are deleted.
   */
  async #compact(): Promise<void> {
    if (this.#storedUpdates === 0) return;
    const through = this.#lastUpdateId;
    try {
      await this.hooks.store.compact(this.chapterId, through, (stored) => {
        this.applyDurable(stored);
        return encodeStateAsUpdate(this.doc);
      });
      this.#storedUpdates = 0;
      this.hooks.log({ event: "collab.compacted", chapter: this.chapterId, throughId: through });
    } catch (error) {
      this.hooks.log({ event: "collab.compact.failed", level: "error", chapter: this.chapterId, error: String(error) });
    }
  }

  #scheduleRender(): void {
    if (!this.hooks.renderer) return;
    this.#renderDue = true;
    clearTimeout(this.#debounce);
    const fire = () => void this.#enqueue(() => this.#render());
    this.#debounce = setTimeout(fire, this.hooks.timing.renderDebounceMs).unref();
    this.#ceiling ??= setTimeout(fire, this.hooks.timing.renderMaxWaitMs).unref();
  }

  async #render(): Promise<void> {
    clearTimeout(this.#debounce);
    clearTimeout(this.#ceiling);
    this.#debounce = this.#ceiling = undefined;
    if (!this.#renderDue || !this.hooks.renderer) return;
    this.#renderDue = false;
    try {
      const { renderer } = this.hooks;
      const { html, text, openSuggestions } = renderer.render
        ? await renderer.render(this.doc)
        : { html: renderer.html(this.doc), text: renderer.text(this.doc), openSuggestions: renderer.openSuggestions?.(this.doc) };
      await this.hooks.store.storeRendered(this.chapterId, html, text, openSuggestions);
    } catch (error) {
      this.#renderDue = true;
      this.hooks.log({ event: "collab.render.failed", level: "error", chapter: this.chapterId, error: String(error) });
    }
  }

  /**
   * Applies updates that are already in the database (relayed by another process, or read back
   * after missing some): this process's clients get what is new in them; nothing is stored again.
   * An update that does not apply is logged and skipped, like a bad row at load.
   */
  applyDurable(updates: Iterable<Uint8Array>): void {
    for (const update of updates) {
      try {
        applyUpdate(this.doc, update, REMOTE_ORIGIN);
      } catch (error) {
        this.hooks.log({ event: "collab.remote.skipUpdate", level: "error", chapter: this.chapterId, error: String(error) });
      }
    }
  }

  /** Stores whatever is left (updates, a final compaction, rendering) and frees the document. */
  async unload(): Promise<void> {
    this.#queueFlush();
    await this.#enqueue(async () => {
      // Compaction first: it may bring in other processes' last updates, which the HTML should show.
      await this.#compact();
      await this.#render();
    });
    // A store that kept failing leaves updates pending: one more attempt, then they are reported.
    if (this.#pending.length > 0) await this.#enqueue(() => this.#flush());
    if (this.#pending.length > 0) {
      this.hooks.log({ event: "collab.unload.unsaved", level: "error", chapter: this.chapterId, updates: this.#pending.length });
    }
    this.#closed = true;
    clearTimeout(this.#debounce);
    clearTimeout(this.#ceiling);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
