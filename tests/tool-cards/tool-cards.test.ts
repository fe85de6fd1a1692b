import { expect, test } from "vitest";
import { createBook, createChapter, createOrganisation, createTool } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();

const card = (slug: string) => `<aside class="tool-card" data-tool="${slug}"></aside>`;

test("a published chapter shows each tool card with the tool's name, summary and a link to it; a script in the tool is text", async () => {
  const tool = await createTool({ name: 'Sensor<script>alert("x")</script>register', summary: "Een register van alle sensoren & meters." });
  const hidden = await createTool({ published: false });
  const { book, part } = await createBook();
  const chapter = await createChapter({
    bookId: book.id,
    partId: part.id,
    status: "published",
    bodyHtml: `<p>Voor.</p>${card(tool.slug)}<p>Tussen.</p>${card(hidden.slug)}${card("bestaat-niet")}<p>Na.</p>`,
  });

  const { html } = await new TestClient(app.url).page(`/boek/${book.slug}/${chapter.slug}`);
  expect(html).toContain(`<a href="/gereedschapskist/${tool.slug}">Sensor&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;register</a>`);
  expect(html).toContain("Een register van alle sensoren &amp; meters.");
  expect(html).toContain("Uit de gereedschapskist");
  expect(html).not.toContain("<script>alert");
  // An unpublished or unknown tool shows as unavailable, never with its details.
  // (Counted in the rendered page, not in the hydration data, where quotes are escaped.)
  expect(html.match(/class="tool-card tool-card-missing"/g)).toHaveLength(2);
  expect(html).not.toContain(hidden.name);
  // In reading order: the text around the cards stays where it was.
  expect(html.indexOf("Voor.")).toBeLessThan(html.indexOf("Een register van"));
  expect(html.indexOf("Een register van")).toBeLessThan(html.indexOf("Tussen."));
});

test("a tool's page lists the published chapters that cite it, and only those", async () => {
  const tool = await createTool();
  const other = await createTool();
  const organisation = await createOrganisation();
  const { book, part } = await createBook({ title: "Zo bestuur je een slimme stad" });
  const base = { bookId: book.id, partId: part.id, organisationIds: [organisation.id] };
  const citing = await createChapter({ ...base, status: "published", title: "Het citerende hoofdstuk", bodyHtml: `<p>Zie:</p>${card(tool.slug)}` });
  await createChapter({ ...base, status: "draft", title: "Een concept dat ook citeert", bodyHtml: card(tool.slug) });
  await createChapter({ ...base, status: "published", title: "Een ander instrument", bodyHtml: card(other.slug) });

  const client = new TestClient(app.url);
  const { html } = await client.page(`/gereedschapskist/${tool.slug}`);
  expect(html).toContain("Genoemd in het boek");
  expect(html).toContain(`href="/boek/${book.slug}/${citing.slug}"`);
  expect(html).toContain("Het citerende hoofdstuk");
  expect(html).not.toContain("Een concept dat ook citeert");
  expect(html).not.toContain("Een ander instrument");

  const uncited = await client.page(`/gereedschapskist/${(await createTool()).slug}`);
  expect(uncited.html).toContain("Nog geen hoofdstuk verwijst naar dit instrument.");
});

test("the editor's tool lookup answers with published tools only, by search and by slug", async () => {
  const shown = await createTool({ name: "Convenant antennelocaties zoekproef" });
  const hidden = await createTool({ name: "Verborgen antennelocaties zoekproef", published: false });

  const search = await fetch(`${app.url}/api/tools?q=${encodeURIComponent("antennelocaties zoekproef")}`);
  expect(search.status).toBe(200);
  const found = ((await search.json()) as { tools: { slug: string }[] }).tools.map((tool) => tool.slug);
  expect(found).toEqual([shown.slug]);

  const bySlug = await fetch(`${app.url}/api/tools?slug=${shown.slug}&slug=${hidden.slug}&slug=bestaat-niet`);
  expect(((await bySlug.json()) as { tools: { slug: string; name: string; summary: string }[] }).tools).toEqual([
    { slug: shown.slug, name: shown.name, summary: shown.summary },
  ]);
  // Odd input is a search like any other, never an error.
  for (const q of ["%", "_", "'\"", "a".repeat(5000)]) expect((await fetch(`${app.url}/api/tools?q=${encodeURIComponent(q)}`)).status).toBe(200);
});
