// Reads the book kept as files in chapters/: book.yaml for metadata and order, and one
// Markdown file per chapter with YAML front matter. Every problem names the file it is in.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { z } from "zod";
import { CHAPTER_STATUSES } from "#app/common/chapter-status.ts";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and hyphens");

const bookSchema = z.object({
  slug,
  title: z.string().min(1),
  subtitle: z.string().default(""),
  language: z.string().default("nl"),
  publisher: z.string().optional(),
  year: z.number().int().optional(),
  blurb: z.string().default(""),
  parts: z
    .array(z.object({ slug, title: z.string().min(1), chapters: z.array(z.string().min(1)) }))
    .min(1),
});

const frontMatterSchema = z.object({
  title: z.string().min(1),
  slug,
  summary: z.string().default(""),
  organisations: z.array(slug).default([]),
  authors: z.array(z.string().email()).default([]),
  state: z.enum(CHAPTER_STATUSES),
});

export type BookFile = z.infer<typeof bookSchema>;
export type ChapterFrontMatter = z.infer<typeof frontMatterSchema>;
export type ChapterFile = ChapterFrontMatter & {
  file: string;
  partSlug: string;
  position: number;
  markdown: string;
  /** The line of the file on which the Markdown body starts (front matter lines come before). */
  bodyLine: number;
  /** The front matter as written, to point at the line of a value. */
  frontMatterSource: string;
};
export type BookFiles = { book: BookFile; chapters: ChapterFile[] };

/** A problem in the book files, naming the file (and line, when known). */
export class BookFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ""}: ${message}`);
  }
}

/** Reads and validates book.yaml and every chapter it lists. */
export async function readBookFiles(directory: string): Promise<BookFiles> {
  const bookPath = path.join(directory, "book.yaml");
  const book = validate(bookSchema, parseYamlFile(bookPath, await readFile(bookPath, "utf8")), bookPath);
  const chapters: ChapterFile[] = [];
  for (const part of book.parts) {
    for (const [index, stem] of part.chapters.entries()) {
      const file = path.join(directory, part.slug, `${stem}.md`);
      const source = await readFile(file, "utf8").catch(() => {
        throw new BookFileError(bookPath, `lists chapter ${part.slug}/${stem}.md, which does not exist`);
      });
      const { frontMatter, frontMatterSource, markdown, bodyLine } = splitFrontMatter(file, source);
      const meta = validate(frontMatterSchema, frontMatter, file);
      chapters.push({ ...meta, file, partSlug: part.slug, position: index + 1, markdown, bodyLine, frontMatterSource });
    }
  }
  const seen = new Map<string, string>();
  for (const chapter of chapters) {
    const other = seen.get(chapter.slug);
    if (other) throw new BookFileError(chapter.file, `slug "${chapter.slug}" is already used by ${other}`, frontMatterLine(chapter, "slug:"));
    seen.set(chapter.slug, chapter.file);
  }
  return { book, chapters };
}

// Front matter is the YAML between a first line `---` and the next line `---`.
function splitFrontMatter(file: string, source: string) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) throw new BookFileError(file, "has no YAML front matter (a block between --- lines at the top)", 1);
  const frontMatterSource = match[1] ?? "";
  return {
    frontMatter: parseYamlFile(file, frontMatterSource, 1),
    frontMatterSource,
    markdown: source.slice(match[0].length),
    bodyLine: match[0].split("\n").length,
  };
}

/** The line (in the file) of the first front matter line that mentions `value`, for errors about it. */
export function frontMatterLine(chapter: Pick<ChapterFile, "frontMatterSource">, value: string): number | undefined {
  const index = chapter.frontMatterSource.split("\n").findIndex((line) => line.includes(value));
  return index === -1 ? undefined : index + 2; // after the opening ---
}

function parseYamlFile(file: string, text: string, lineOffset = 0): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      throw new BookFileError(file, error.message.split("\n")[0] ?? "invalid YAML", (error.linePos?.[0].line ?? 0) + lineOffset);
    }
    throw error;
  }
}

function validate<T extends z.ZodTypeAny>(schema: T, value: unknown, file: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new BookFileError(file, `${issue?.path.join(".") || "(top level)"}: ${issue?.message ?? "invalid"}`);
}
