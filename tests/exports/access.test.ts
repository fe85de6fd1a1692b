import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { clientFor, exportCast, jobsOf, waitForJob } from "./helpers.ts";

const app = useTestServer();

// Real exports (pandoc-wasm, Typst) on a busy two-core machine: minutes, not the default 30 s.
describe("who may export", { timeout: 240_000 }, () => {
  let cast: Awaited<ReturnType<typeof exportCast>>;
  let exportPage: string;
  beforeAll(async () => {
    cast = await exportCast();
    exportPage = `/boek/${cast.book.slug}/export`;
  });

  test("a visitor is sent to the login page", async () => {
    const response = await new TestClient(app.url).get(exportPage);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/inloggen");
  });

  test.each(["reader", "author"] as const)("a %s is refused the page, the action and the progress stream", async (role) => {
    const client = await clientFor(app.url, cast.people[role].id);
    const page = await client.get(exportPage);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("Alleen redacteuren en beheerders kunnen het boek exporteren");
    const post = await client.post(exportPage, { intent: "export", scope: "draft", format: "pdf" });
    expect(post.status).toBe(403);
    const stream = await client.get(`/api/books/${cast.book.id}/exports`);
    expect(stream.status).toBe(403);
    expect(await db.exportJob.count({ where: { bookId: cast.book.id } })).toBe(0);
    // The book page offers them no export link.
    const { html } = await client.page(`/boek/${cast.book.slug}`);
    expect(html).not.toContain(`/boek/${cast.book.slug}/export`);
  });

  test.each(["editor", "admin"] as const)("an %s sees the page, the link to it, and can start an export", async (role) => {
    const client = await clientFor(app.url, cast.people[role].id);
    const { html: bookPage } = await client.page(`/boek/${cast.book.slug}`);
    expect(bookPage).toContain(`href="/boek/${cast.book.slug}/export"`);
    const { response, html } = await client.page(exportPage);
    expect(response.status).toBe(200);
    expect(html).toContain("Editie bevriezen");
    expect(html).toContain("Exporteer als PDF");
    const stream = await client.get(`/api/books/${cast.book.id}/exports`);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    await stream.body?.cancel();

    const post = await client.post(exportPage, { intent: "export", scope: "draft", format: "pdf" });
    expect(post.status).toBe(302);
    expect(post.headers.get("location")).toBe(`${exportPage}?melding=gestart`);
    const [job] = await jobsOf(cast.book.id);
    expect(job).toMatchObject({ scope: "draft", format: "pdf", requestedById: cast.people[role].id });
    await waitForJob(job!.id);
  });

  test("a visitor gets no progress stream", async () => {
    const response = await new TestClient(app.url).get(`/api/books/${cast.book.id}/exports`);
    expect(response.status).toBe(401);
  });

  test("draft exports download for editors and admins only; edition files for anyone", async () => {
    const editor = await clientFor(app.url, cast.people.editor.id);
    await editor.post(exportPage, { intent: "export", scope: "draft", format: "pdf" });
    const [draftJob] = await jobsOf(cast.book.id);
    expect((await waitForJob(draftJob!.id)).status).toBe("done");
    const draftUrl = `${exportPage}/${draftJob!.id}`;

    const visitor = new TestClient(app.url);
    const anonymous = await visitor.get(draftUrl);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/inloggen");
    for (const role of ["reader", "author"] as const) {
      const response = await (await clientFor(app.url, cast.people[role].id)).get(draftUrl);
      expect(response.status, role).toBe(403);
    }
    for (const role of ["editor", "admin"] as const) {
      const response = await (await clientFor(app.url, cast.people[role].id)).get(draftUrl);
      expect(response.status, role).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
    }

    const freeze = await editor.post(exportPage, { intent: "freeze", note: "Voor de lezers" });
    expect(freeze.status).toBe(302);
    const edition = await db.edition.findFirstOrThrow({ where: { bookId: cast.book.id }, include: { exportJobs: true } });
    const pdfJob = edition.exportJobs.find((job) => job.format === "pdf")!;
    expect((await waitForJob(pdfJob.id)).status).toBe("done");
    const editionFile = await visitor.get(`/boek/${cast.book.slug}/edities/${edition.number}/pdf`);
    expect(editionFile.status).toBe(200);
    expect(editionFile.headers.get("content-type")).toBe("application/pdf");
    expect(editionFile.headers.get("content-disposition")).toContain(`${cast.book.slug}-editie-1.pdf`);
    // The job that made it is as public as the edition.
    expect((await visitor.get(`${exportPage}/${pdfJob.id}`)).status).toBe(200);
    // An edition that does not exist, or a format that is not one, is simply not there.
    expect((await visitor.get(`/boek/${cast.book.slug}/edities/9/pdf`)).status).toBe(404);
    expect((await visitor.get(`/boek/${cast.book.slug}/edities/1/docx`)).status).toBe(404);
  });

  test("bad input is a clear 400, never a 500", async () => {
    const editor = await clientFor(app.url, cast.people.editor.id);
    const badScope = await editor.post(exportPage, { intent: "export", scope: "edition:bestaat-niet", format: "pdf" });
    expect(badScope.status).toBe(400);
    const badFormat = await editor.post(exportPage, { intent: "export", scope: "draft", format: "docx" });
    expect(badFormat.status).toBe(400);
    const badIntent = await editor.post(exportPage, { intent: "wissen" });
    expect(badIntent.status).toBe(400);
    const longNote = await editor.post(exportPage, { intent: "freeze", note: "x".repeat(501) });
    expect(longNote.status).toBe(400);
    const otherBook = await editor.post(`/boek/bestaat-niet/export`, { intent: "export", scope: "draft", format: "pdf" });
    expect(otherBook.status).toBe(404);
  });
});
