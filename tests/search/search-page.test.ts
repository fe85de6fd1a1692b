import { beforeAll, describe, expect, test } from "vitest";
import { createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { chapterWithText, toolWithDescription } from "./helpers.ts";

const app = useTestServer();
let draftUrl = "";

beforeAll(async () => {
  const organisation = await createOrganisation();
  await chapterWithText({ title: "<script>alert('hoofdstuk')</script>Reigers", text: "Reigers <b>vissen</b> in de gracht.", organisationIds: [organisation.id] });
  const draft = await chapterWithText({ title: "Conceptreigers", status: "draft", text: "Reigers in een concept.", organisationIds: [organisation.id] });
  draftUrl = `/boek/${draft.book.slug}/${draft.slug}`;
  for (let i = 1; i <= 12; i++) await toolWithDescription({ name: `Reigerkolonie-instrument ${i}`, summary: "Telt reigers per kolonie." });
});

/** The result links, in order (each hit's title is a link in an h2). */
const links = (html: string) => [...html.matchAll(/<h2[^>]*><a [^>]*?href="([^"]+)"/g)].map((match) => match[1]);
/** The count on a type filter ("Tools (12)"); React separates the text nodes with a comment. */
const countOn = (html: string, label: string) => Number(new RegExp(`${label}(?:<!-- -->)? <span[^>]*>\\((\\d+)\\)</span>`).exec(html)?.[1]);

describe("/zoeken", () => {
  test("a script in the query comes back as text, everywhere it is shown", async () => {
    const client = new TestClient(app.url);
    const { response, html } = await client.page(`/zoeken?q=${encodeURIComponent('<script>alert("q")</script> "><img src=x onerror=alert(2)>')}`);
    expect(response.status).toBe(200);
    expect(html).not.toContain('<script>alert("q")');
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt;");
  });

  test("a script in a hit's title or text is escaped; the match is marked", async () => {
    const client = new TestClient(app.url);
    const { html } = await client.page("/zoeken?q=gracht");
    expect(html).not.toContain("<script>alert('hoofdstuk')");
    expect(html).toMatch(/&lt;script&gt;alert\((&#39;|&#x27;)hoofdstuk(&#39;|&#x27;)\)&lt;\/script&gt;Reigers/);
    expect(html).toMatch(/in de <mark>gracht<\/mark>/);
    expect(html).toContain("&lt;b&gt;vissen&lt;/b&gt;");
  });

  test("a visitor never sees the draft; its organisation's author and an editor do", async () => {
    const visitor = new TestClient(app.url);
    const asVisitor = await visitor.page("/zoeken?q=reigers&soort=hoofdstukken");
    expect(asVisitor.html).not.toContain("Conceptreigers");
    expect(links(asVisitor.html)).not.toContain(draftUrl);

    const outsider = new TestClient(app.url);
    await logInAs(outsider, (await createUser({ role: "author", organisationIds: [(await createOrganisation()).id] })).id);
    expect((await outsider.page("/zoeken?q=conceptreigers")).html).not.toContain(draftUrl);

    const editor = new TestClient(app.url);
    await logInAs(editor, (await createUser({ role: "editor" })).id);
    const asEditor = await editor.page("/zoeken?q=reigers&soort=hoofdstukken");
    expect(links(asEditor.html)).toContain(draftUrl);
    expect(asEditor.html).toContain("Concept");
  });

  test("counts per type, a type filter in the URL, and paging", async () => {
    const client = new TestClient(app.url);
    const all = await client.page("/zoeken?q=reigers");
    expect(countOn(all.html, "Tools")).toBe(12);
    expect(countOn(all.html, "Hoofdstukken")).toBe(1);
    expect(countOn(all.html, "Alles")).toBeGreaterThanOrEqual(13);

    const tools = await client.page("/zoeken?q=reigers&soort=tools");
    const firstPage = links(tools.html);
    expect(firstPage).toHaveLength(10);
    expect(firstPage.every((href) => href?.startsWith("/gereedschapskist/"))).toBe(true);
    expect(tools.html).toContain("Pagina 1 van 2");
    expect(tools.html).toContain('href="/zoeken?q=reigers&amp;soort=tools&amp;pagina=2"');

    const second = await client.page("/zoeken?q=reigers&soort=tools&pagina=2");
    expect(links(second.html)).toHaveLength(2);
    expect(links(second.html).some((href) => firstPage.includes(href))).toBe(false);

    const pastTheEnd = await client.get("/zoeken?q=reigers&soort=tools&pagina=99");
    expect(pastTheEnd.status).toBe(302);
    expect(pastTheEnd.headers.get("location")).toBe("/zoeken?q=reigers&soort=tools&pagina=2");
    for (const odd of ["/zoeken?q=reigers&soort=%3Cx%3E&pagina=-3", "/zoeken?pagina=abc", `/zoeken?q=${"a".repeat(5000)}`]) {
      expect((await client.get(odd)).status, odd).toBe(200);
    }
  });

  test("an empty query and a query without hits both help", async () => {
    const client = new TestClient(app.url);
    expect((await client.page("/zoeken")).html).toContain("Typ een of meer woorden om te zoeken.");
    const none = await client.page("/zoeken?q=xyzzyplugh");
    expect(none.html).toContain("Niets gevonden voor “xyzzyplugh”.");
    expect(none.html).toContain('href="/gereedschapskist"');
  });

  test("every page has the search box in its header, a GET form with a label that works without JavaScript", async () => {
    const client = new TestClient(app.url);
    for (const path of ["/", "/gereedschapskist", "/partners", "/zoeken?q=reigers"]) {
      const { html } = await client.page(path);
      const header = html.slice(html.indexOf("<header"), html.indexOf("</header>"));
      expect(header, path).toMatch(/<form[^>]*method="get"[^>]*action="\/zoeken"[^>]*role="search"|<form[^>]*action="\/zoeken"[^>]*role="search"/);
      expect(header).toContain('<label for="site-search-q"');
      expect(header).toContain('name="q"');
    }
  });
});
