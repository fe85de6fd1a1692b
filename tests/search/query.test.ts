import { beforeAll, describe, expect, test } from "vitest";
import { matchExpression, parseQuery } from "#app/models/search/fts-query.ts";
import { markedToHtml } from "#app/models/search/highlight.ts";
import { editDistance } from "#app/models/search/spelling.server.ts";
import { search } from "#app/models/search.server.ts";
import { db } from "#app/utils/db.server.ts";
import { chapterWithText, titlesFound, toolWithDescription } from "./helpers.ts";

beforeAll(async () => {
  await chapterWithText({ title: "Wat een digital twin laat zien", text: "Een digital twin van de binnenstad toont verkeer, geluid en bomen. Digital twins vragen om goede data." });
  await chapterWithText({ title: "Slimme lantaarnpalen", text: "Sensoren in lantaarnpalen meten drukte in de smart city van morgen." });
  await chapterWithText({ title: "Burgerparticipatie", text: "Inwoners praten mee over de participatieagenda en het omgevingsplan." });
  await toolWithDescription({ name: "Sensorenregister", summary: "Een register van sensoren in de openbare ruimte." });
});

describe("any input is a safe query", () => {
  const nasty = [
    '"',
    '"""',
    "'",
    "*",
    "**sensor*",
    "sensor*",
    "NEAR",
    "NEAR(sensoren register, 2)",
    "sensoren NEAR register",
    "AND",
    "OR OR OR",
    "NOT sensoren",
    "sensoren AND",
    "(",
    ")",
    "((sensoren",
    "sensoren)",
    "title:sensoren",
    "^sensoren",
    "sensoren -register",
    "{title summary}: sensoren",
    "🙂",
    "🙂 sensoren 🏙️",
    "",
    "   ",
    "\u0000\u0001\uE000\uE001",
    "x".repeat(1000),
    "sensoren ".repeat(120),
    "é".repeat(1000),
    "SELECT * FROM Chapter; --",
    "<script>alert(1)</script>",
    // Letters and digits that PostgreSQL's text-search parser splits or drops (tsquery.ts passes each word as text).
    "x² ½ ٣٤ sensor²",
    "中文 検索 ไทย",
    "İstanbul ß ǅ ﬁets",
    "sensoren­register co₂",
  ];
  test.each(nasty.map((input) => [input.length > 40 ? `${input.slice(0, 20)}… (${input.length} characters)` : JSON.stringify(input), input]))(
    "%s does not throw",
    async (_label, input) => {
      const result = await search(input, null);
      expect(Array.isArray(result.hits)).toBe(true);
      expect(result.total).toBeGreaterThanOrEqual(0);
    },
  );

  test("operators are plain words: NOT does not exclude, AND/OR/NEAR are not syntax, quotes and stars are separators", async () => {
    expect(await titlesFound("NOT sensoren")).toContain("Sensorenregister");
    expect(await titlesFound('"sensoren" * lantaarnpalen')).toEqual(["Slimme lantaarnpalen"]);
    expect(await titlesFound("((lantaarnpalen")).toEqual(["Slimme lantaarnpalen"]);
  });

  test("every word becomes a quoted FTS5 string; only the last word is a prefix", () => {
    expect(matchExpression(parseQuery('NEAR("a" b) OR sensor*'))).toBe('"near" AND "b" AND "sensor"*');
    expect(matchExpression(parseQuery('title:"x" ^y'))).toBe('"title" AND "x" AND "y"');
    expect(matchExpression(parseQuery("🙂"))).toBeNull();
    expect(matchExpression(parseQuery(""))).toBeNull();
  });

  test("Dutch function words are dropped, unless that leaves nothing", () => {
    expect(matchExpression(parseQuery("hoe betrek je de inwoners"))).toBe('"betrek" AND "inwoners"*');
    expect(matchExpression(parseQuery("wat is het"))).toBe('"wat" AND "is" AND "het"*');
  });
});

describe("Dutch-friendly matching", () => {
  test("the last word matches as a prefix (type-ahead), the others whole", async () => {
    expect(await titlesFound("lantaarn")).toEqual(["Slimme lantaarnpalen"]);
    expect(await titlesFound("lantaarn drukte")).toEqual(["Slimme lantaarnpalen"]);
    // "lantaarn" is no whole word of any text: no page holds both words, so it falls back to "any".
    expect((await search("lantaarn meten", null)).mode).toBe("any");
  });

  test("“digitale tweeling” finds texts about the digital twin, and “slimme stad” the smart city", async () => {
    expect(await titlesFound("digitale tweeling")).toContain("Wat een digital twin laat zien");
    expect(await titlesFound("slimme stad")).toContain("Slimme lantaarnpalen");
    expect(matchExpression(parseQuery("digitale tweeling"))).toBe('(("digitale" AND "tweeling"*) OR "digital twin"* OR "digitale twin"*)');
  });

  test("a misspelt word is corrected from the index's vocabulary when nothing matches", async () => {
    const result = await search("burgerparticpatie", null);
    expect(result.mode).toBe("spelling");
    expect(result.correctedQuery).toBe("burgerparticipatie");
    expect(result.hits.map((hit) => hit.title)).toEqual(["Burgerparticipatie"]);
    expect(editDistance("sensroen", "sensoren", 1)).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });

  test("when no page holds all the words, pages with some of them are shown, marked as such", async () => {
    const result = await search("lantaarnpalen participatieagenda", null);
    expect(result.mode).toBe("any");
    expect(result.hits.map((hit) => hit.title).sort()).toEqual(["Burgerparticipatie", "Slimme lantaarnpalen"]);
  });

  test("a spelling suggestion never comes from a draft the person may not read", async () => {
    await chapterWithText({ title: "Geheim concept", status: "draft", text: "Het woord kwikzilverbrug staat alleen in een concept." });
    const result = await search("kwikzilverbrig", null);
    expect(result.hits).toEqual([]);
    expect(result.correctedQuery).toBeNull();
    const asEditor = await search("kwikzilverbrig", { role: "editor", organisationIds: [] });
    expect(asEditor.correctedQuery).toBe("kwikzilverbrug");
  });

  test("spelling suggestions follow the content: a word added by an edit is suggested, one no page holds any more is not", async () => {
    const chapter = await chapterWithText({ title: "Aan het water", text: "Een kievit broedt in het gruttoveld aan het water." });
    expect((await search("grutoveld", null)).correctedQuery).toBe("gruttoveld");
    // Two neighbours swapped is one edit, as in editDistance (PostgreSQL's Levenshtein counts two).
    expect((await search("kievti", null)).correctedQuery).toBe("kievit");

    // A typo fixed in the text: the old spelling is no longer offered, even where it is the nearest word.
    await db.chapter.update({ where: { id: chapter.id }, data: { bodyText: "Een kievit broedt in het gruttovelt aan het water." } });
    const fixed = await search("gruttoveld water", null);
    expect(fixed.mode).toBe("spelling");
    expect(fixed.correctedQuery).toBe("gruttovelt water");
    expect(fixed.hits.map((hit) => hit.title)).toEqual(["Aan het water"]);
  });
});

describe("snippets are escaped text with our own <mark> only", () => {
  test("a script in a title or text comes back as text", async () => {
    await chapterWithText({ title: "<script>alert('titel')</script> Zwaluwen", text: 'Zwaluwen <img src=x onerror="alert(1)"> bouwen nesten & meer.' });
    const [hit] = (await search("zwaluwen", null)).hits;
    expect(hit?.titleHtml).toBe("&lt;script&gt;alert(&#39;titel&#39;)&lt;/script&gt; <mark>Zwaluwen</mark>");
    expect(hit?.snippetHtml).toContain("<mark>Zwaluwen</mark> &lt;img src=x onerror=&quot;alert(1)&quot;&gt; bouwen nesten &amp; meer.");
    expect(hit?.snippetHtml.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  test("markers in the text itself cannot unbalance the marks", () => {
    expect(markedToHtml("a\uE001b\uE000c\uE000d")).toBe("ab<mark>cd</mark>");
  });
});

describe("paging and kinds", () => {
  test("limit and offset page through the ranked hits; counts are per kind", async () => {
    for (let i = 0; i < 12; i++) await chapterWithText({ title: `Meetlat ${String(i).padStart(2, "0")}`, text: "meetlat ".repeat(12 - i) });
    const first = await search("meetlat", null, { limit: 5 });
    const second = await search("meetlat", null, { limit: 5, offset: 5 });
    const third = await search("meetlat", null, { limit: 5, offset: 10 });
    expect(first.total).toBe(12);
    expect(first.counts.chapter).toBe(12);
    const titles = [...first.hits, ...second.hits, ...third.hits].map((hit) => hit.title);
    expect(titles).toHaveLength(12);
    expect(new Set(titles).size).toBe(12);
    expect((await search("sensoren", null, { kinds: ["tool"] })).hits.map((hit) => hit.kind)).toEqual(["tool"]);
  });
});
