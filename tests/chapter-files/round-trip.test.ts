import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { chapterSchema } from "#app/common/chapter-schema.ts";
import { replaceDocumentContent } from "#app/models/chapter-document-edit.server.ts";
import { db } from "#app/utils/db.server.ts";
import { createCollabToken } from "#app/utils/collab-token.server.ts";
import type { KapittelServer } from "#server/app.ts";
import { exportBook } from "#server/chapter-files/export-book.ts";
import { importBook } from "#server/chapter-files/import-book.ts";
import { createUser } from "#tests/factories.ts";
import { DEMO_BOOK_DIRECTORY, loadDemoData } from "../../prisma/demo-data.ts";
import { appendParagraph, collectLogs, connectProvider, contentOf, startCollabServer, synced, waitFor, type TestClient } from "#tests/collab/helpers.ts";
import {
  copyBook,
  createFixturePeople,
  editFile,
  EVERY_NODE_BOOK,
  expectSameFiles,
  fixtureBookCopy,
  SHORT_CHAPTER,
  temporaryDirectory,
} from "./helpers.ts";

let servers: KapittelServer[] = [];
let clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients) client.provider.destroy();
  clients = [];
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function start() {
  const server = await startCollabServer({ log: collectLogs().log, timing: { renderDebounceMs: 50, renderMaxWaitMs: 200 } });
  servers.push(server);
  return server;
}

async function connectTo(server: KapittelServer, bookSlug: string, slug: string) {
  const chapter = await db.chapter.findFirstOrThrow({ where: { slug, book: { slug: bookSlug } } });
  const writer = await db.user.findFirstOrThrow({ where: { role: "editor" } });
  const client = connectProvider(server.url, chapter.id, { token: createCollabToken(writer.id, chapter.id).token });
  clients.push(client);
  await synced(client);
  return { chapter, client };
}

describe("chapters/ round trip", () => {
  test("the demo book: import (as the seed does), export, and every file is byte-identical", async () => {
    await loadDemoData(db);
    const out = await temporaryDirectory();
    await exportBook({ outDir: out });
    await expectSameFiles(DEMO_BOOK_DIRECTORY, out);
  });

  test("a chapter with every kind of content survives import and export byte for byte, image included", async () => {
    await createFixturePeople();
    const report = await importBook({ directory: EVERY_NODE_BOOK });
    expect(report.created).toHaveLength(2);
    const chapter = await db.chapter.findFirstOrThrow({
      where: { slug: "elk-knooppunt" },
      include: { organisations: { orderBy: { position: "asc" }, include: { organisation: true } } },
    });
    // The reader's HTML has every kind too (rendered once, at import).
    for (const fragment of ["<h4>", "<s>", "<code>", "<blockquote>", "<table>", "<ol start=\"3\">", 'alt="Een kaart van de wijk"', "<hr", "<br", "footnotes", 'data-tool="proef-instrument"']) {
      expect(chapter.bodyHtml).toContain(fragment);
    }
    expect(chapter.status).toBe("in_review");
    expect(chapter.organisations.map((o) => o.organisation.slug)).toEqual(["proef-gemeente", "proef-bedrijf"]);

    const out = await temporaryDirectory();
    await exportBook({ outDir: out, bookSlug: "proefboek-alle-onderdelen" });
    await expectSameFiles(EVERY_NODE_BOOK, out);
  });

  test("what is written in the editor is exported, and importing that export changes nothing", async () => {
    await createFixturePeople();
    await createEditor();
    const { directory, bookSlug } = await fixtureBookCopy();
    await importBook({ directory });
    const server = await start();
    const { chapter, client } = await connectTo(server, bookSlug, "kort");
    appendParagraph(client.doc, "Een zin uit de editor.");
    await waitFor(async () => (await db.chapterUpdate.count({ where: { chapterId: chapter.id } })) > 0, { message: "the edit to be stored" });

    const out = await temporaryDirectory();
    await exportBook({ outDir: out, bookSlug });
    const dryRun = await importBook({ directory: out, dryRun: true });
    expect(dryRun).toMatchObject({ created: [], updated: [], unchanged: 2 });
    const report = await importBook({ directory: out, editor: server.collab });
    expect(report.updated).toEqual([]);
    expect(contentOf(client.doc)).toContain("Een zin uit de editor.");
    expect(await readFile(path.join(out, SHORT_CHAPTER), "utf8")).toContain("Eén zin.\n\nEen zin uit de editor.\n");
  });

  test("open suggestions are exported as the text stands without them, and importing that keeps them", async () => {
    await createFixturePeople();
    const { directory, bookSlug } = await fixtureBookCopy();
    await importBook({ directory });
    const server = await start();
    const chapter = await db.chapter.findFirstOrThrow({ where: { slug: "kort", book: { slug: bookSlug } } });
    const by = { id: "s1", authorId: "u1", authorName: "Eva Redactie", createdAt: "2026-11-25T12:00:00.000Z" };
    const suggested = chapterSchema.nodeFromJSON({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Eén " },
            { type: "text", text: "korte ", marks: [{ type: "insertion", attrs: by }] },
            { type: "text", text: "zin", marks: [{ type: "deletion", attrs: { ...by, id: "s2" } }] },
            { type: "text", text: "." },
          ],
        },
        { type: "paragraph", marks: [{ type: "insertion", attrs: { ...by, id: "s3" } }], content: [{ type: "text", text: "Een voorgestelde alinea.", marks: [{ type: "insertion", attrs: { ...by, id: "s3" } }] }] },
      ],
    });
    await server.collab.withDocument(chapter.id, (doc) => replaceDocumentContent(doc, suggested));

    const out = await temporaryDirectory();
    await exportBook({ outDir: out, bookSlug });
    const written = await readFile(path.join(out, SHORT_CHAPTER), "utf8");
    expect(written, JSON.stringify(written)).toMatch(/\n\nEén zin\.\n$/);
    const report = await importBook({ directory: out, editor: server.collab });
    expect(report.updated).toEqual([]);
    const stored = await storedText(chapter.id);
    expect(stored).toContain("korte ");
    expect(stored).toContain("Een voorgestelde alinea.");
  });

  test("an import reaches a connected editor as an edit, and that editor's own concurrent typing is kept", async () => {
    await createFixturePeople();
    await createEditor();
    const { directory: original, bookSlug } = await fixtureBookCopy();
    await importBook({ directory: original });
    const server = await start();
    const { chapter, client } = await connectTo(server, bookSlug, "kort");

    // The editor types while the import is under way: offline for a moment, so the two meet only after.
    client.provider.disconnect();
    appendParagraph(client.doc, "Getypt tijdens de import.");
    const changed = await copyBook(original);
    await editFile(changed, SHORT_CHAPTER, (text) => text.replace("Eén zin.", "Eén zin, nu met een **aanvulling** uit het bestand."));
    const report = await importBook({ directory: changed, editor: server.collab });
    expect(report.updated).toEqual([{ file: path.join(changed, SHORT_CHAPTER), changes: ["content"] }]);
    client.provider.connect();

    await waitFor(() => contentOf(client.doc).includes("aanvulling"), { message: "the import to reach the editor" });
    await waitFor(
      async () => {
        const stored = await storedText(chapter.id);
        return stored.includes("aanvulling") && stored.includes("Getypt tijdens de import.");
      },
      { message: "both changes to be stored" },
    );
    expect(contentOf(client.doc)).toContain("Getypt tijdens de import.");
  });
});

const createEditor = () => createUser({ role: "editor" });

async function storedText(chapterId: string): Promise<string> {
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { docState: true } });
  const updates = await db.chapterUpdate.findMany({ where: { chapterId }, orderBy: { id: "asc" } });
  const doc = new Y.Doc();
  if (chapter.docState) Y.applyUpdate(doc, chapter.docState);
  for (const update of updates) Y.applyUpdate(doc, update.data);
  return contentOf(doc);
}
