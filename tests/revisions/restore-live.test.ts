import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { yDocToHtml } from "#app/models/chapter-content.server.ts";
import { withChapterDocument } from "#app/utils/collab-access.server.ts";
import type { KapittelServer } from "#server/app.ts";
import { appendParagraph, chapterWithWriter, connectProvider, contentOf, startCollabServer, synced, waitFor, type TestClient as CollabClient } from "#tests/collab/helpers.ts";
import { createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { createRevisionRow } from "./helpers.ts";

let server: KapittelServer;
beforeAll(async () => {
  server = await startCollabServer();
});
afterAll(async () => {
  await server?.close();
});

const clients: CollabClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.provider.destroy();
});

const CURRENT = "<p>Alinea een blijft staan.</p><p>Alinea twee is later herschreven door de redactie.</p><p>Alinea drie is later toegevoegd.</p>";
const REVISION = "<p>Alinea een blijft staan.</p><p>Alinea twee zoals het eerst was.</p>";

/** A draft chapter with CURRENT as its live text and REVISION as revision 1, an editor logged in over HTTP. */
async function setUp() {
  const setup = await chapterWithWriter({ bodyHtml: CURRENT });
  await createRevisionRow(setup.chapter.id, REVISION);
  const editor = new TestClient(server.url);
  await logInAs(editor, (await createUser({ role: "editor" })).id);
  await editor.page("/");
  const connect = () => {
    const client = connectProvider(server.url, setup.chapter.id, { token: setup.token });
    clients.push(client);
    return client;
  };
  const restore = () => editor.post(`/boek/${setup.book.slug}/${setup.chapter.slug}/revisies/1`, { intent: "restore" });
  return { ...setup, connect, restore };
}

describe("restoring a revision while someone is writing", () => {
  test("a connected client sees the restored text arrive as an ordinary change", async () => {
    const { chapter, connect, restore } = await setUp();
    const client = connect();
    await synced(client);
    expect(contentOf(client.doc)).toContain("later herschreven");

    const response = await restore();
    expect(response.status).toBe(302);

    await waitFor(() => contentOf(client.doc).includes("zoals het eerst was"), { message: "the restored text to reach the client" });
    expect(contentOf(client.doc)).not.toContain("later herschreven");
    expect(contentOf(client.doc)).not.toContain("later toegevoegd");
    // Still the same connection, still in sync with the server's document.
    expect(client.provider.wsconnected).toBe(true);
    const serverHtml = await withChapterDocument(chapter.id, (doc) => yDocToHtml(doc));
    expect(serverHtml).toBe("<p>Alinea een blijft staan.</p><p>Alinea twee zoals het eerst was.</p>");
  });

  test("the unchanged paragraph keeps its identity (minimal change), so a caret in it stays put", async () => {
    const { connect, restore } = await setUp();
    const client = connect();
    await synced(client);
    const firstParagraph = () => (client.fragment.get(0) as Y.XmlElement).toArray()[0];
    const firstParagraphText = firstParagraph();
    expect(firstParagraphText).toBeInstanceOf(Y.XmlText);
    await restore();
    await waitFor(() => contentOf(client.doc).includes("zoals het eerst was"));
    // The first paragraph's Y.XmlText is the very same object: not deleted and re-inserted.
    expect(firstParagraph()).toBe(firstParagraphText);
  });

  test("a client's own edit made concurrently with the restore is kept, and everyone converges", async () => {
    const { chapter, connect, restore } = await setUp();
    const watcher = connect();
    const writer = connect();
    await Promise.all([synced(watcher), synced(writer)]);

    // The writer's edit is in flight while the server restores: it has not reached the server.
    writer.provider.disconnect();
    appendParagraph(writer.doc, "Mijn eigen nieuwe zin tijdens het herstellen.");
    expect((await restore()).status).toBe(302);
    await waitFor(() => contentOf(watcher.doc).includes("zoals het eerst was"));
    writer.provider.connect();

    const converged = () => {
      const seen = [contentOf(watcher.doc), contentOf(writer.doc)];
      return seen.every((c) => c.includes("zoals het eerst was") && c.includes("Mijn eigen nieuwe zin")) && seen[0] === seen[1];
    };
    await waitFor(converged, { message: "both clients to hold the restored text and the writer's sentence" });
    expect(contentOf(writer.doc)).not.toContain("later herschreven");
    const serverHtml = await withChapterDocument(chapter.id, (doc) => yDocToHtml(doc));
    expect(serverHtml).toContain("Mijn eigen nieuwe zin tijdens het herstellen.");
    expect(serverHtml).toContain("Alinea twee zoals het eerst was.");
  });
});
