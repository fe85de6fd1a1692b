import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { htmlToProseMirror } from "#app/models/chapter-content.server.ts";
import { replaceDocumentContent } from "#app/models/chapter-document-edit.server.ts";
import { withChapterDocument } from "#app/utils/collab-access.server.ts";
import { db } from "#app/utils/db.server.ts";
import { loadEditionManuscript, loadManuscript } from "#server/export/manuscript.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { clientFor, exportCast, jobsOf, sha256, waitForJob } from "./helpers.ts";

const app = useTestServer();

function editionContent(editionId: string) {
  return db.editionChapter.findMany({ where: { editionId }, orderBy: { position: "asc" }, select: { slug: true, title: true, docJson: true, bodyHtml: true, bodyText: true } });
}

// Real exports (pandoc-wasm, Typst) on a busy two-core machine: minutes, not the default 30 s.
describe("editions", { timeout: 240_000 }, () => {
  test("freezing with nothing published is refused with a clear message", async () => {
    const cast = await exportCast({ published: 0, drafts: 2 });
    const editor = await clientFor(app.url, cast.people.editor.id);
    const response = await editor.post(`/boek/${cast.book.slug}/export`, { intent: "freeze", note: "" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Er is nog geen gepubliceerd hoofdstuk");
    expect(await db.edition.count({ where: { bookId: cast.book.id } })).toBe(0);
    expect(await db.exportJob.count({ where: { bookId: cast.book.id } })).toBe(0);
  });

  test("a frozen edition holds the published chapters and its files, and later edits never change it", async () => {
    const cast = await exportCast({ published: 2, drafts: 1 });
    const editor = await clientFor(app.url, cast.people.editor.id);
    const exportPage = `/boek/${cast.book.slug}/export`;
    const frozen = await editor.post(exportPage, { intent: "freeze", note: "Eerste druk" });
    expect(frozen.status).toBe(302);
    expect(frozen.headers.get("location")).toBe(`${exportPage}?melding=bevroren&editie=1`);

    const edition = await db.edition.findFirstOrThrow({ where: { bookId: cast.book.id }, include: { exportJobs: true } });
    expect(edition).toMatchObject({ number: 1, note: "Eerste druk", frozenById: cast.people.editor.id });
    expect(JSON.parse(edition.metadataJson).book.title).toBe(cast.book.title);
    const chapters = await editionContent(edition.id);
    // The published chapters in book order; the draft is not in it.
    expect(chapters.map((chapter) => chapter.title)).toEqual(["Gepubliceerd hoofdstuk 1", "Gepubliceerd hoofdstuk 2"]);
    const live = await loadManuscript(cast.book.id, "published");
    expect(chapters.map((chapter) => JSON.parse(chapter.docJson))).toEqual(live.parts.flatMap((part) => part.chapters.map((c) => c.doc)));
    expect(chapters[0]!.bodyHtml).toContain("<h2>Inleiding 1</h2>");
    expect(chapters[0]!.bodyText).toContain("met ë, é en ĳ");

    // Its EPUB and PDF are made by the jobs queued with it, and recorded on the edition.
    expect(edition.exportJobs.map((job) => job.format).sort()).toEqual(["epub", "pdf"]);
    for (const job of edition.exportJobs) expect((await waitForJob(job.id)).status).toBe("done");
    const withFiles = await db.edition.findUniqueOrThrow({ where: { id: edition.id } });
    expect(withFiles.epubFile).toBe(`${withFiles.epubSha256}.epub`);
    expect(withFiles.pdfFile).toBe(`${withFiles.pdfSha256}.pdf`);
    const filesBefore = {
      epub: sha256(await readFile(path.join(process.env.DATA_DIR!, "exports", withFiles.epubFile!))),
      pdf: sha256(await readFile(path.join(process.env.DATA_DIR!, "exports", withFiles.pdfFile!))),
    };
    expect(filesBefore).toEqual({ epub: withFiles.epubSha256, pdf: withFiles.pdfSha256 });
    const manuscriptBefore = (await loadEditionManuscript(edition.id)).parts.flatMap((part) => part.chapters.map((c) => c.hash));

    // Someone edits a published chapter through the live document, as the editor would.
    const edited = await withChapterDocument(cast.chapters[0]!.id, (doc) =>
      replaceDocumentContent(doc, htmlToProseMirror("<h2>Herschreven</h2><p>Een heel andere tekst na het bevriezen.</p>")),
    );
    expect(edited).not.toBeNull();
    const liveAfter = await loadManuscript(cast.book.id, "published");
    expect(JSON.stringify(liveAfter.parts[0]!.chapters[0]!.doc)).toContain("Een heel andere tekst na het bevriezen");

    // Export everything again: the live book, and the edition itself.
    await editor.post(exportPage, { intent: "export", scope: "published", format: "both" });
    await editor.post(exportPage, { intent: "export", scope: `edition:${edition.id}`, format: "both" });
    for (const job of (await jobsOf(cast.book.id)).slice(0, 4)) expect((await waitForJob(job.id)).status).toBe("done");

    // The edition is unchanged: its chapters, its manuscript and its files, by hash.
    expect(await editionContent(edition.id)).toEqual(chapters);
    expect((await loadEditionManuscript(edition.id)).parts.flatMap((part) => part.chapters.map((c) => c.hash))).toEqual(manuscriptBefore);
    const after = await db.edition.findUniqueOrThrow({ where: { id: edition.id } });
    expect({ epub: after.epubSha256, pdf: after.pdfSha256, epubFile: after.epubFile, pdfFile: after.pdfFile }).toEqual({
      epub: withFiles.epubSha256,
      pdf: withFiles.pdfSha256,
      epubFile: withFiles.epubFile,
      pdfFile: withFiles.pdfFile,
    });
    const visitor = new TestClient(app.url);
    for (const format of ["epub", "pdf"] as const) {
      const download = await visitor.get(`/boek/${cast.book.slug}/edities/1/${format}`);
      expect(download.status).toBe(200);
      expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(filesBefore[format]);
    }
    // The edition's text never picked up the edit; the live book did.
    expect(chapters[0]!.bodyHtml).not.toContain("Herschreven");

    // The next freeze is edition 2, with the edited text.
    await editor.post(exportPage, { intent: "freeze", note: "" });
    const second = await db.edition.findFirstOrThrow({ where: { bookId: cast.book.id, number: 2 } });
    expect((await editionContent(second.id))[0]!.bodyHtml).toContain("Herschreven");
    // The page lists both editions with their files.
    const { html } = await editor.page(exportPage);
    expect(html).toContain(`/boek/${cast.book.slug}/edities/1/epub`);
    expect(html).toContain("Eerste druk");
  });
});
