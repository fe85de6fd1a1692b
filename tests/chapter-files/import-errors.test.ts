import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { BookFileError } from "#server/chapter-files/book-files.ts";
import { importBook } from "#server/chapter-files/import-book.ts";
import { createFixturePeople, editFile, FULL_CHAPTER, fixtureBookCopy, SHORT_CHAPTER } from "./helpers.ts";

/** Everything the database holds about books, to prove a refused import changed none of it. */
async function snapshotOfBooks() {
  const [books, parts, chapters, links] = await Promise.all([
    db.book.findMany({ orderBy: { slug: "asc" } }),
    db.part.findMany({ orderBy: { id: "asc" } }),
    db.chapter.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, summary: true, bodyHtml: true, position: true, partId: true, docState: true } }),
    db.chapterOrganisation.findMany({ orderBy: [{ chapterId: "asc" }, { organisationId: "asc" }] }),
  ]);
  return { books, parts, chapters, links, updates: await db.chapterUpdate.count() };
}

type Defect = { name: string; file: string; line: number | undefined; message: RegExp; apply: (directory: string) => Promise<void> };

const defects: Defect[] = [
  {
    name: "broken YAML front matter",
    file: SHORT_CHAPTER,
    line: 2,
    message: /nested mappings are not allowed/i,
    apply: (d) => editFile(d, SHORT_CHAPTER, (t) => t.replace("title: Kort", "title: Kort: een ondertitel")),
  },
  {
    name: "an unknown organisation",
    file: SHORT_CHAPTER,
    line: 4,
    message: /unknown organisation "gemeente-atlantis"/,
    apply: (d) => editFile(d, SHORT_CHAPTER, (t) => t.replace("organisations: [proef-gemeente]", "organisations: [gemeente-atlantis]")),
  },
  {
    name: "a duplicate slug",
    file: SHORT_CHAPTER,
    line: 3,
    message: /slug "elk-knooppunt" is already used by .*01-elk-knooppunt\.md/,
    apply: (d) => editFile(d, SHORT_CHAPTER, (t) => t.replace("slug: kort", "slug: elk-knooppunt")),
  },
  {
    name: "a missing image",
    file: SHORT_CHAPTER,
    line: 11,
    message: /image "images\/kaart\.png" does not exist/,
    apply: (d) => editFile(d, SHORT_CHAPTER, (t) => `${t}\n![Kaart](images/kaart.png)\n`),
  },
  {
    name: "an image outside the book folder (../)",
    file: SHORT_CHAPTER,
    line: 11,
    message: /image "\.\.\/\.\.\/geheim\.png" is outside the book folder/,
    apply: (d) => editFile(d, SHORT_CHAPTER, (t) => `${t}\n![Geheim](../../geheim.png)\n`),
  },
  {
    name: "a level-1 heading in the body",
    file: FULL_CHAPTER,
    line: 10,
    message: /level-1 heading/,
    apply: (d) => editFile(d, FULL_CHAPTER, (t) => t.replace("Een alinea met", "# Een tweede titel\n\nEen alinea met")),
  },
  {
    name: "a reference to a tool that is not in the toolbox",
    file: SHORT_CHAPTER,
    line: 11,
    message: /tool reference \[\[tool:bestaat-niet\]\]: there is no tool "bestaat-niet"/,
    apply: (d) => editFile(d, SHORT_CHAPTER, (t) => `${t}\n[[tool:bestaat-niet]]\n`),
  },
  {
    name: "raw HTML",
    file: SHORT_CHAPTER,
    line: 9,
    message: /raw HTML/,
    apply: (d) => editFile(d, SHORT_CHAPTER, (t) => t.replace("Eén zin.", "Eén <script>alert(1)</script> zin.")),
  },
];

describe("importing broken chapter files", () => {
  let bookSlug = "";
  let original = "";
  beforeAll(async () => {
    await createFixturePeople();
    ({ directory: original, bookSlug } = await fixtureBookCopy());
    await importBook({ directory: original });
  });

  test.each(defects)("$name: an error naming the file and line, and nothing imported", async (defect) => {
    const { directory } = await fixtureBookCopy();
    // The same book as the imported one, with a valid change elsewhere that must not land either.
    await editFile(directory, "book.yaml", (t) => t.replace(/^slug: .*$/m, `slug: ${bookSlug}`));
    await editFile(directory, defect.file === FULL_CHAPTER ? SHORT_CHAPTER : FULL_CHAPTER, (t) => t.replace(/^title: .*$/m, "title: Een nieuwe titel"));
    await defect.apply(directory);
    const before = await snapshotOfBooks();

    const error = await importBook({ directory }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BookFileError);
    const refused = error as BookFileError;
    expect(refused.file).toBe(path.join(directory, defect.file));
    expect(refused.line).toBe(defect.line);
    expect(refused.message).toMatch(defect.message);
    expect(refused.message.startsWith(`${path.join(directory, defect.file)}:${defect.line}: `)).toBe(true);
    expect(await snapshotOfBooks()).toEqual(before);
  });

  test("a chapter listed in book.yaml without a file is named, and nothing is imported", async () => {
    const { directory } = await fixtureBookCopy();
    await rm(path.join(directory, SHORT_CHAPTER));
    await expect(importBook({ directory })).rejects.toThrow(/book\.yaml: lists chapter alle-onderdelen\/02-kort\.md, which does not exist/);
  });

  test("a file that is not an image is refused", async () => {
    const { directory } = await fixtureBookCopy();
    await writeFile(path.join(directory, "alle-onderdelen/images/nep.png"), "<svg onload=alert(1)>");
    await editFile(directory, SHORT_CHAPTER, (t) => `${t}\n![Nep](images/nep.png)\n`);
    await expect(importBook({ directory })).rejects.toThrow(/02-kort\.md:11: image "images\/nep\.png" is not a PNG, JPEG, GIF or WebP image/);
  });
});
