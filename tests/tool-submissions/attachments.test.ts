import { describe, expect, test } from "vitest";
import { MAX_DOCUMENT_BYTES } from "#app/models/stored-files.server.ts";
import { db } from "#app/utils/db.server.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { clientAs, postMultipart, PNG_BYTES, submitTool, tinyPdf, toolFields } from "./helpers.ts";

const app = useTestServer();

const html = new TextEncoder().encode("<!doctype html><html><body><script>alert(1)</script></body></html>");

async function publishedTool() {
  return db.tool.create({ data: { slug: `bijlagen-${Math.random().toString(36).slice(2, 8)}`, name: "Tool met bijlagen", summary: "Voor de bijlagen.", category: "substantive", form: "norm" } });
}

async function editorOn(path: string) {
  const client = new TestClient(app.url);
  await clientAs(client, "editor");
  await client.page(path);
  return client;
}

describe("the PDF a submitter attaches", () => {
  test.each([
    ["a PNG image", "schema.png", "image/png", PNG_BYTES],
    ["an HTML file named .pdf", "handleiding.pdf", "application/pdf", html],
  ])("%s is refused with a clear message; the rest of the form is kept, nothing is stored", async (_what, name, type, bytes) => {
    const fields = toolFields({ attachmentTitle: "Handleiding" });
    const { response, submission } = await submitTool(new TestClient(app.url), fields, { name, type, bytes });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("Dit is geen pdf-bestand. Alleen pdf&#x27;s kunnen als bijlage worden toegevoegd.");
    expect(page).toContain(fields.summary);
    expect(submission).toBeNull();
  });

  test("an oversized PDF is refused at the field; a body far beyond the limit is refused before reading (413)", async () => {
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(new TextEncoder().encode("%PDF-1.4\n"));
    const fields = toolFields();
    const { response, submission } = await submitTool(new TestClient(app.url), fields, { name: "groot.pdf", type: "application/pdf", bytes: big });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Het bestand is groter dan 20 MB.");
    expect(submission).toBeNull();

    const huge = new Uint8Array(MAX_DOCUMENT_BYTES + 2 * 1024 * 1024);
    huge.set(new TextEncoder().encode("%PDF-1.4\n"));
    const refused = await submitTool(new TestClient(app.url), toolFields(), { name: "enorm.pdf", type: "application/pdf", bytes: huge });
    expect(refused.response.status).toBe(413);
    expect(refused.submission).toBeNull();
  });

  test("a real PDF is kept with the tool, listed with its size, and downloads as a PDF", async () => {
    const pdf = tinyPdf();
    const client = new TestClient(app.url);
    await clientAs(client, "reader");
    const fields = toolFields({ attachmentTitle: "Modelconvenant" });
    const { response, submission } = await submitTool(client, fields, { name: "convenant.pdf", type: "application/pdf", bytes: pdf });
    expect(response.status).toBe(302);
    const [attachment] = await db.toolAttachment.findMany({ where: { toolId: submission!.toolId } });
    expect(attachment).toMatchObject({ title: "Modelconvenant", contentType: "application/pdf", sizeBytes: pdf.length, position: 1 });
    expect(attachment!.file).toMatch(/^[0-9a-f]{64}\.pdf$/);

    await db.tool.update({ where: { id: submission!.toolId }, data: { published: true } });
    const page = await new TestClient(app.url).page(`/gereedschapskist/${submission!.tool.slug}`);
    const href = `/bestanden/${attachment!.file}?naam=Modelconvenant`;
    expect(page.html).toContain(`href="${href}"`);
    expect(page.html).toMatch(/pdf, \d+ B/);
    const download = await new TestClient(app.url).get(href);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(download.headers.get("Content-Disposition")).toContain("Modelconvenant.pdf");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
  });
});

describe("editors manage a tool's attachments", () => {
  test("add (PDF only, with a title), reorder and remove; the tool page follows", async () => {
    const tool = await publishedTool();
    const path = `/redactie/gereedschap/bijlagen/${tool.slug}`;
    const editor = await editorOn(path);
    const add = (title: string, file: { name: string; type: string; bytes: Uint8Array }) => postMultipart(editor, path, { intent: "add", title }, { field: "file", ...file });

    const png = await add("Plaatje", { name: "plaatje.png", type: "image/png", bytes: PNG_BYTES });
    expect(png.status).toBe(400);
    expect(await png.text()).toContain("Dit is geen pdf-bestand.");
    const untitled = await add("", { name: "a.pdf", type: "application/pdf", bytes: tinyPdf() });
    expect(untitled.status).toBe(400);
    expect(await untitled.text()).toContain("Dit veld is verplicht.");
    expect(await db.toolAttachment.count({ where: { toolId: tool.id } })).toBe(0);

    for (const title of ["Eerste", "Tweede", "Derde"]) {
      const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${title}\n%%EOF\n`);
      const response = await add(title, { name: `${title}.pdf`, type: "application/pdf", bytes });
      expect(response.status, title).toBe(302);
    }
    const order = async () => (await db.toolAttachment.findMany({ where: { toolId: tool.id }, orderBy: { position: "asc" } })).map((a) => a.title);
    expect(await order()).toEqual(["Eerste", "Tweede", "Derde"]);
    const id = async (title: string) => (await db.toolAttachment.findFirstOrThrow({ where: { toolId: tool.id, title } })).id;

    expect((await editor.post(path, { intent: "up", attachmentId: await id("Derde") })).status).toBe(302);
    expect(await order()).toEqual(["Eerste", "Derde", "Tweede"]);
    expect((await editor.post(path, { intent: "down", attachmentId: await id("Eerste") })).status).toBe(302);
    expect(await order()).toEqual(["Derde", "Eerste", "Tweede"]);
    expect((await editor.post(path, { intent: "remove", attachmentId: await id("Eerste") })).status).toBe(302);
    expect(await order()).toEqual(["Derde", "Tweede"]);
    // Another tool's attachment cannot be touched from here.
    const other = await publishedTool();
    const foreign = await db.toolAttachment.create({ data: { toolId: other.id, title: "Vreemd", file: `${"a".repeat(64)}.pdf`, contentType: "application/pdf", sizeBytes: 1, position: 1 } });
    expect((await editor.post(path, { intent: "remove", attachmentId: foreign.id })).status).toBe(404);

    const page = await new TestClient(app.url).page(`/gereedschapskist/${tool.slug}`);
    expect(page.html.indexOf(">Derde<")).toBeGreaterThan(0);
    expect(page.html.indexOf(">Derde<")).toBeLessThan(page.html.indexOf(">Tweede<"));
    expect(page.html).not.toContain(">Eerste<");
  });

  test("readers and authors may not manage attachments (403)", async () => {
    const tool = await publishedTool();
    const path = `/redactie/gereedschap/bijlagen/${tool.slug}`;
    for (const role of ["reader", "author"] as const) {
      const client = new TestClient(app.url);
      await clientAs(client, role);
      expect((await client.get(path)).status, role).toBe(403);
      await client.page("/");
      const response = await postMultipart(client, path, { intent: "add", title: "Poging" }, { field: "file", name: "a.pdf", type: "application/pdf", bytes: tinyPdf() });
      expect(response.status, role).toBe(403);
    }
    expect(await db.toolAttachment.count({ where: { toolId: tool.id } })).toBe(0);
  });
});
