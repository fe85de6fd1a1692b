import { createHash } from "node:crypto";
import { db } from "#app/utils/db.server.ts";
import { createBook, createChapter, createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";

/** A book with published and draft chapters of one organisation, and one person of every role. */
export async function exportCast(options: { published?: number; drafts?: number } = {}) {
  const organisation = await createOrganisation({ name: `Gemeente Export ${Math.random().toString(36).slice(2, 7)}` });
  const { book, part } = await createBook();
  const chapters = [];
  for (let index = 0; index < (options.published ?? 2); index++) {
    chapters.push(
      await createChapter({
        bookId: book.id,
        partId: part.id,
        status: "published",
        organisationIds: [organisation.id],
        title: `Gepubliceerd hoofdstuk ${index + 1}`,
        bodyHtml: `<h2>Inleiding ${index + 1}</h2><p>Tekst van het gepubliceerde hoofdstuk ${index + 1}, met ë, é en ĳ.</p>`,
      }),
    );
  }
  for (let index = 0; index < (options.drafts ?? 1); index++) {
    chapters.push(
      await createChapter({
        bookId: book.id,
        partId: part.id,
        status: "draft",
        organisationIds: [organisation.id],
        title: `Concepthoofdstuk ${index + 1}`,
        bodyHtml: `<p>Een concept dat nog niet af is (${index + 1}).</p>`,
      }),
    );
  }
  const people = {
    reader: await createUser({ role: "reader", name: "Lia Lezer" }),
    author: await createUser({ role: "author", organisationIds: [organisation.id], name: "Anna Auteur" }),
    editor: await createUser({ role: "editor", name: "Eva Redacteur" }),
    admin: await createUser({ role: "admin", name: "Ad Beheerder" }),
  };
  return { organisation, book, part, chapters, people };
}

/** A logged-in HTTP client for the user, with a CSRF token. */
export async function clientFor(baseUrl: string, userId: string): Promise<TestClient> {
  const client = new TestClient(baseUrl);
  await logInAs(client, userId);
  await client.page("/");
  return client;
}

/** Polls the job until it reaches one of the states (or the deadline passes). */
export async function waitForJob(jobId: string, states: readonly string[] = ["done", "failed"], timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await db.exportJob.findUniqueOrThrow({ where: { id: jobId } });
    if (states.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is still ${job.status} (${job.step} ${job.percent}%)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The newest jobs of a book, newest first. */
export function jobsOf(bookId: string) {
  return db.exportJob.findMany({ where: { bookId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export type SseEvent = { type: string; jobId?: string; status?: string; step?: string; percent?: number };

/**
 * A real Server-Sent Events client over HTTP: reads the stream as it arrives and collects each
 * `data:` message. `until` resolves once a message satisfies the predicate.
 */
export async function openEventStream(client: TestClient, path: string) {
  const controller = new AbortController();
  const response = await client.get(path, { signal: controller.signal, headers: { Accept: "text/event-stream" } });
  const events: SseEvent[] = [];
  const waiters: { predicate: (event: SseEvent) => boolean; resolve: (event: SseEvent) => void }[] = [];
  const reading = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of block.split("\n")) {
            if (!line.startsWith("data: ")) continue;
            const event = JSON.parse(line.slice(6)) as SseEvent;
            events.push(event);
            for (const waiter of [...waiters]) {
              if (waiter.predicate(event)) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.resolve(event);
              }
            }
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    response,
    events,
    until(predicate: (event: SseEvent) => boolean, timeoutMs = 150_000): Promise<SseEvent> {
      const seen = events.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such event within ${timeoutMs} ms; saw ${JSON.stringify(events)}`)), timeoutMs);
        waiters.push({ predicate, resolve: (event) => (clearTimeout(timer), resolve(event)) });
      });
    },
    async close() {
      controller.abort();
      await reading;
    },
  };
}
