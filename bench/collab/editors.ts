import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/** A room (chapter) and, for Kapittel, one token per simulated editor. */
export type Room = { id: string; tokens?: string[] };

/** One simulated editor: a stock y-websocket client with its own Y.Doc, on server `server` (index into the URLs). */
export type Editor = { index: number; room: string; server: number; doc: Y.Doc; provider: WebsocketProvider };

const now = () => performance.timeOrigin + performance.now();

/**
 * Connects `perRoom` editors to every room and waits until all of them are synced. With several
 * URLs (several processes) a room's editors take turns: half on each of two.
 */
export async function connectEditors(url: string | string[], rooms: Room[], perRoom: number, timeoutMs = 120_000): Promise<Editor[]> {
  const urls = typeof url === "string" ? [url] : url;
  const editors: Editor[] = [];
  for (const room of rooms) {
    for (let i = 0; i < perRoom; i++) {
      const doc = new Y.Doc();
      const token = room.tokens?.[i];
      const server = i % urls.length;
      const provider = new WebsocketProvider(urls[server]!, room.id, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: token ? { token } : {},
        disableBc: true,
      });
      editors.push({ index: editors.length, room: room.id, server, doc, provider });
    }
  }
  const deadline = Date.now() + timeoutMs;
  while (editors.some((editor) => !editor.provider.synced)) {
    if (Date.now() > deadline) throw new Error(`only ${editors.filter((e) => e.provider.synced).length} of ${editors.length} editors synced`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return editors;
}

/**
 * Lets `typists` of the editors type `charsPerSecond` characters each for `durationMs`. Each
 * keystroke inserts a character and stamps the send time; one observer per room records, for
 * every keystroke of another editor, the time until it arrived: keystroke-to-peer latency.
 */
export async function typeAndMeasure(
  editors: Editor[],
  { typists, charsPerSecond, durationMs }: { typists: number; charsPerSecond: number; durationMs: number },
): Promise<{ latenciesMs: number[]; crossProcessMs: number[]; sameProcessMs: number[]; keystrokes: number }> {
  const latenciesMs: number[] = [];
  // Split by whether the keystroke crossed from one server process to another (several processes).
  const crossProcessMs: number[] = [];
  const sameProcessMs: number[] = [];
  const byKey = new Map(editors.map((editor) => [`e${editor.index}`, editor]));
  const observers = new Map<string, Editor>();
  for (const editor of editors) if (!observers.has(editor.room)) observers.set(editor.room, editor);
  const unobserve: (() => void)[] = [];
  for (const observer of observers.values()) {
    const stamps = observer.doc.getMap<number>("stamps");
    const onChange = (event: Y.YMapEvent<number>) => {
      if (event.transaction.local) return;
      const arrived = now();
      for (const key of event.keysChanged) {
        const sent = stamps.get(key);
        if (typeof sent !== "number") continue;
        latenciesMs.push(arrived - sent);
        (byKey.get(key)?.server === observer.server ? sameProcessMs : crossProcessMs).push(arrived - sent);
      }
    };
    stamps.observe(onChange);
    unobserve.push(() => stamps.unobserve(onChange));
  }

  const typing = editors.filter((editor) => observers.get(editor.room) !== editor).slice(0, typists);
  let keystrokes = 0;
  const intervalMs = 1000 / charsPerSecond;
  const timers = typing.map((editor, n) =>
    // Staggered starts, so keystrokes are spread over time rather than arriving in bursts.
    setTimeout(() => {
      const text = editor.doc.getText("bench");
      const stamps = editor.doc.getMap<number>("stamps");
      const timer = setInterval(() => {
        editor.doc.transact(() => {
          text.insert(text.length, String.fromCharCode(97 + (keystrokes % 26)));
          stamps.set(`e${editor.index}`, now());
        });
        keystrokes += 1;
      }, intervalMs);
      timers2.push(timer);
    }, (n * intervalMs) / typing.length),
  );
  const timers2: NodeJS.Timeout[] = [];
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  for (const timer of timers) clearTimeout(timer);
  for (const timer of timers2) clearInterval(timer);
  // Let the last keystrokes arrive before counting.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (const stop of unobserve) stop();
  return { latenciesMs, crossProcessMs, sameProcessMs, keystrokes };
}

/** Disconnects and destroys every editor. */
export function disconnectEditors(editors: Editor[]): void {
  for (const editor of editors) {
    editor.provider.destroy();
    editor.doc.destroy();
  }
}

/** The p-th percentile (0–100) of the values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
