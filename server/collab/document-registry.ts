import { LiveDocument } from "./live-document.ts";

type Entry = { users: number; ready: Promise<LiveDocument | null> };

/**
 * One LiveDocument per chapter per process: loaded when the first connection asks for it, shared by
 * every later one, and unloaded (stored, then freed) when the last one is released. A connection
 * that arrives while its chapter is being unloaded waits for that, then loads the stored result.
 */
export class DocumentRegistry {
  readonly #live = new Map<string, Entry>();
  readonly #unloading = new Map<string, Promise<void>>();

  constructor(
    private readonly open: (chapterId: string) => Promise<LiveDocument | null>,
    /** Called once a document is stored and freed (the service then stops listening to other processes for it). */
    private readonly unloaded: (document: LiveDocument) => void = () => {},
  ) {}

  /** The chapter's document, counted as in use until `release`; null when there is no such chapter. */
  async acquire(chapterId: string): Promise<LiveDocument | null> {
    let entry = this.#live.get(chapterId);
    if (!entry) {
      const previous = this.#unloading.get(chapterId) ?? Promise.resolve();
      entry = { users: 0, ready: previous.then(() => this.open(chapterId)) };
      this.#live.set(chapterId, entry);
    }
    entry.users += 1;
    try {
      const document = await entry.ready;
      if (!document) this.release(chapterId);
      return document;
    } catch (error) {
      this.release(chapterId);
      throw error;
    }
  }

  /** Gives up one use; the last one unloads the document. */
  release(chapterId: string): void {
    const entry = this.#live.get(chapterId);
    if (!entry) return;
    entry.users -= 1;
    if (entry.users > 0) return;
    this.#live.delete(chapterId);
    const unload: Promise<void> = entry.ready
      .then(async (document) => {
        if (!document) return;
        try {
          await document.unload();
        } finally {
          this.unloaded(document);
        }
      })
      .catch(() => undefined) // a load that failed has nothing to store
      .finally(() => {
        if (this.#unloading.get(chapterId) === unload) this.#unloading.delete(chapterId);
      });
    this.#unloading.set(chapterId, unload);
  }

  /** The loaded document of a chapter, if any (without counting a use). */
  async peek(chapterId: string): Promise<LiveDocument | null> {
    return (await this.#live.get(chapterId)?.ready) ?? null;
  }

  /** Chapters whose documents are in memory now. */
  loadedChapterIds(): string[] {
    return [...this.#live.keys()];
  }

  /** Resolves when every unload started so far has finished. */
  async drain(): Promise<void> {
    while (this.#unloading.size > 0) await Promise.all(this.#unloading.values());
  }
}
