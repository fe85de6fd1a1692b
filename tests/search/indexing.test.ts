import { describe, expect, test } from "vitest";
import { search } from "#app/models/search.server.ts";
import { db } from "#app/utils/db.server.ts";
import type { KapittelServer } from "#server/app.ts";
import { createOrganisation, createUser } from "#tests/factories.ts";
import { appendParagraph, connectProvider, startCollabServer, synced, waitFor, type TestClient } from "../collab/helpers.ts";
import { createCollabToken } from "#app/utils/collab-token.server.ts";
import { chapterWithText, eventWithProgramme, indexRows, titlesFound, toolWithDescription } from "./helpers.ts";

const editor = { role: "editor" as const, organisationIds: [] };

describe("the index follows the content through database triggers", () => {
  test("a chapter is indexed when created, re-indexed when its title, summary or text change, and dropped when deleted", async () => {
    const chapter = await chapterWithText({ title: "Over de kwartelkoning", summary: "Een vogel in de polder.", text: "De roep van de kwartelkoning klinkt 's nachts." });
    expect(await titlesFound("kwartelkoning")).toEqual(["Over de kwartelkoning"]);

    await db.chapter.update({ where: { id: chapter.id }, data: { title: "Over de grutto", bodyText: "De grutto is de nationale vogel." } });
    expect(await titlesFound("kwartelkoning")).toEqual([]);
    expect(await titlesFound("nationale vogel")).toEqual(["Over de grutto"]);

    await db.chapter.update({ where: { id: chapter.id }, data: { summary: "Weidevogels en hun broedseizoen." } });
    expect(await titlesFound("broedseizoen")).toEqual(["Over de grutto"]);
    expect(await indexRows("chapter", chapter.id)).toHaveLength(1);

    await db.chapter.delete({ where: { id: chapter.id } });
    expect(await titlesFound("grutto")).toEqual([]);
    expect(await indexRows("chapter", chapter.id)).toEqual([]);
  });

  test("publishing and unpublishing a chapter changes who finds it, at once", async () => {
    const chapter = await chapterWithText({ title: "Lepelaars in de stad", status: "draft", text: "Lepelaars broeden op daken." });
    expect(await titlesFound("lepelaars")).toEqual([]);
    expect(await titlesFound("lepelaars", editor)).toEqual(["Lepelaars in de stad"]);
    await db.chapter.update({ where: { id: chapter.id }, data: { status: "published" } });
    expect(await titlesFound("lepelaars")).toEqual(["Lepelaars in de stad"]);
    await db.chapter.update({ where: { id: chapter.id }, data: { status: "changes_requested" } });
    expect(await titlesFound("lepelaars")).toEqual([]);
  });

  test("tools are indexed only while published, with their description as text (no markup)", async () => {
    const tool = await toolWithDescription({
      name: "Baggerprotocol",
      published: false,
      descriptionHtml: '<p>Afspraken over <strong>bagger</strong>specie &amp; <a href="https://example.org/slib">slibdepots</a>.</p><ul><li>Eerst meten</li></ul>',
    });
    expect(await indexRows("tool", tool.id)).toEqual([]);
    expect(await titlesFound("baggerprotocol", editor)).toEqual([]);

    await db.tool.update({ where: { id: tool.id }, data: { published: true } });
    const [row] = await indexRows("tool", tool.id);
    expect(row?.body).not.toMatch(/[<>]|&amp;|strong|href/);
    expect(row?.body).toContain("specie & ");
    expect(row?.body).toContain("slibdepots");
    expect(await titlesFound("slibdepots")).toEqual(["Baggerprotocol"]);

    await db.tool.update({ where: { id: tool.id }, data: { descriptionHtml: "<p>Nu over zandwinning.</p>" } });
    expect(await titlesFound("slibdepots")).toEqual([]);
    expect(await titlesFound("zandwinning")).toEqual(["Baggerprotocol"]);

    await db.tool.update({ where: { id: tool.id }, data: { published: false } });
    expect(await titlesFound("zandwinning", editor)).toEqual([]);
    await db.tool.update({ where: { id: tool.id }, data: { published: true } });
    await db.tool.delete({ where: { id: tool.id } });
    expect(await indexRows("tool", tool.id)).toEqual([]);
  });

  test("HTML that is not well-formed never stalls the trigger", async () => {
    const tool = await toolWithDescription({ name: "Halve tag", descriptionHtml: "tekst met < zonder einde en <b" });
    const [row] = await indexRows("tool", tool.id);
    expect(row?.body).toContain("zonder einde");
  });

  test("events are indexed only while published: title, summary, programme and location", async () => {
    const event = await eventWithProgramme({
      title: "Werksessie waterberging",
      summary: "Over regenwater op pleinen.",
      programmeHtml: "<h2>Programma</h2><p>Rondleiding langs het <em>waterplein</em>.</p>",
      location: "Benthemplein, Rotterdam",
      published: false,
    });
    expect(await titlesFound("waterplein", editor)).toEqual([]);
    await db.event.update({ where: { id: event.id }, data: { published: true } });
    expect(await titlesFound("waterplein")).toEqual(["Werksessie waterberging"]);
    expect(await titlesFound("benthemplein")).toEqual(["Werksessie waterberging"]);
    await db.event.update({ where: { id: event.id }, data: { published: false } });
    expect(await titlesFound("waterplein")).toEqual([]);
    await db.event.delete({ where: { id: event.id } });
    expect(await indexRows("event", event.id)).toEqual([]);
  });

  test("partners are indexed by name and description", async () => {
    const organisation = await createOrganisation({ name: "Waterschap Zuiderzeeland" });
    expect(await titlesFound("zuiderzeeland")).toEqual(["Waterschap Zuiderzeeland"]);
    await db.organisation.update({ where: { id: organisation.id }, data: { description: "Beheert dijken en gemalen in Flevoland." } });
    const result = await search("gemalen", null);
    expect(result.hits.map((hit) => [hit.kind, hit.title, hit.url])).toEqual([["partner", "Waterschap Zuiderzeeland", `/partners/${organisation.slug}`]]);
    await db.organisation.delete({ where: { id: organisation.id } });
    expect(await titlesFound("zuiderzeeland")).toEqual([]);
  });

  test("a write that fails takes its index change with it (same transaction)", async () => {
    const chapter = await chapterWithText({ title: "Ooievaars", text: "Ooievaars nestelen op palen." });
    await expect(
      db.$transaction(async (tx) => {
        await tx.chapter.update({ where: { id: chapter.id }, data: { bodyText: "Nu over reigers." } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await titlesFound("palen")).toEqual(["Ooievaars"]);
    expect(await titlesFound("reigers")).toEqual([]);
  });

  test("diacritics are folded both ways: “financiële” finds “financiele” and the other way round", async () => {
    await chapterWithText({ title: "Geld", text: "De financiële positie van de gemeente." });
    await chapterWithText({ title: "Centen", text: "Een financiele paragraaf zonder trema." });
    expect((await titlesFound("financiële")).sort()).toEqual(["Centen", "Geld"]);
    expect((await titlesFound("financiele")).sort()).toEqual(["Centen", "Geld"]);
    expect((await titlesFound("FINANCIËLE POSITIE"))).toEqual(["Geld"]);
  });

  test("ranking: a title hit comes above a body hit, and the snippet highlights the match", async () => {
    await chapterWithText({ title: "Over havens", text: "Lang verhaal waarin het woord kademuur één keer voorkomt tussen veel andere woorden over havens en schepen." });
    await chapterWithText({ title: "Kademuur herstellen", text: "Hoe een gemeente onderhoud plant." });
    await chapterWithText({ title: "Bruggen", summary: "Over de kademuur en de brug." });
    expect(await titlesFound("kademuur")).toEqual(["Kademuur herstellen", "Bruggen", "Over havens"]);
    const result = await search("kademuur", null);
    expect(result.hits[0]?.titleHtml).toBe("<mark>Kademuur</mark> herstellen");
    expect(result.hits[2]?.snippetHtml).toContain("woord <mark>kademuur</mark> één keer");
  });

  test("the collaboration server's rendering of the live document reaches the index", async () => {
    const organisation = await createOrganisation();
    const writer = await createUser({ role: "author", organisationIds: [organisation.id] });
    const chapter = await chapterWithText({ title: "Live geschreven", status: "draft", organisationIds: [organisation.id] });
    let server: KapittelServer | undefined;
    let client: TestClient | undefined;
    try {
      server = await startCollabServer({ timing: { renderDebounceMs: 50, renderMaxWaitMs: 200 } });
      client = connectProvider(server.url, chapter.id, { token: createCollabToken(writer.id, chapter.id).token });
      await synced(client);
      appendParagraph(client.doc, "Een alinea over de zeearend boven het IJsselmeer.");
      const author = { role: "author" as const, organisationIds: [organisation.id] };
      await waitFor(async () => (await titlesFound("zeearend", author)).includes("Live geschreven"), { message: "the rendered text in the index" });
      expect(await titlesFound("zeearend")).toEqual([]);
    } finally {
      client?.provider.destroy();
      await server?.close();
    }
  });
});
