// The benchmark's subject: the real Kapittel server (authentication, permissions, every update
// written to the database before it is relayed) on its own port, with chapters and editors to use.
// Prints {"url", "chapters": [{ id, tokens: [...] }]} when listening.
import { startServer } from "#server/app.ts";
import { createCollabToken } from "#app/utils/collab-token.server.ts";
import { db } from "#app/utils/db.server.ts";
import { hashPassword } from "#app/utils/password.server.ts";

const chapterCount = Number(process.env.BENCH_CHAPTERS ?? 20);
const editorsPerChapter = Number(process.env.BENCH_EDITORS_PER_CHAPTER ?? 10);

/** The book, its chapters and one editor (with a token) per connection. */
async function createChapters() {
  const passwordHash = await hashPassword("benchmark-only");
  const book = await db.book.create({ data: { slug: "bench", title: "Benchmark" } });
  const part = await db.part.create({ data: { bookId: book.id, slug: "deel", title: "Deel", position: 1 } });
  const chapters = [];
  for (let c = 0; c < chapterCount; c++) {
    const chapter = await db.chapter.create({
      data: { bookId: book.id, partId: part.id, slug: `h-${c}`, title: `Hoofdstuk ${c}`, position: c + 1, status: "draft", bodyHtml: "<p>Start.</p>" },
    });
    const tokens = [];
    for (let e = 0; e < editorsPerChapter; e++) {
      // One editor per connection: the per-user connection cap is a limit for people, not for this load.
      const user = await db.user.create({ data: { email: `redacteur-${c}-${e}@bench.test`, name: `Redacteur ${c}-${e}`, role: "editor", passwordHash } });
      // Issued as if an hour from now, so the tokens stay valid for the whole run.
      tokens.push(createCollabToken(user.id, chapter.id, Date.now() + 55 * 60 * 1000).token);
    }
    chapters.push({ id: chapter.id, tokens });
  }
  return chapters;
}

// BENCH_SEED=0: a further process on the database the first one filled (--processes); the first
// one's tokens open it too (same SESSION_SECRET).
const chapters = process.env.BENCH_SEED === "0" ? undefined : await createChapters();

const server = await startServer({ port: 0, host: "127.0.0.1" });
console.log(JSON.stringify({ url: `${server.url.replace(/^http/, "ws")}/collab`, chapters }));
process.once("SIGTERM", () => {
  server.close().then(() => process.exit(0), () => process.exit(1));
});
