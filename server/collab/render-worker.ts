// The collaboration server's rendering thread (render-in-worker.ts): a chapter's state in, its
// HTML, plain text and count of open suggestions out.
import { parentPort } from "node:worker_threads";
import * as Y from "yjs";
import { yDocToHtml, yDocToText } from "#app/models/chapter-content.server.ts";
import { countDocumentSuggestions } from "./suggestion-guard.ts";

type Request = { id: number; state: Uint8Array };

parentPort!.on("message", ({ id, state }: Request) => {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    parentPort!.postMessage({ id, rendered: { html: yDocToHtml(doc), text: yDocToText(doc), openSuggestions: countDocumentSuggestions(doc) } });
  } catch (error) {
    parentPort!.postMessage({ id, error: String(error) });
  } finally {
    doc.destroy();
  }
});
