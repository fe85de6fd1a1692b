import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { createBook, createChapter, createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Bytes that start like a PNG (the route checks the signature, not the pixels). */
const png = (size = 256) => Buffer.concat([Buffer.from(PNG_SIGNATURE), randomBytes(size - PNG_SIGNATURE.length)]);

let chapterId: string;
let publishedChapterId: string;
let writer: string;
let otherAuthor: string;

beforeAll(async () => {
  const ours = await createOrganisation();
  const theirs = await createOrganisation();
  const { book, part } = await createBook();
  chapterId = (await createChapter({ bookId: book.id, partId: part.id, organisationIds: [ours.id] })).id;
  publishedChapterId = (await createChapter({ bookId: book.id, partId: part.id, organisationIds: [ours.id], status: "published" })).id;
  writer = (await createUser({ role: "author", organisationIds: [ours.id] })).id;
  otherAuthor = (await createUser({ role: "author", organisationIds: [theirs.id] })).id;
});

async function clientAs(userId: string | null): Promise<TestClient> {
  const client = new TestClient(app.url);
  if (userId) await logInAs(client, userId);
  await client.page("/"); // the CSRF cookie and token, as a browser has them
  return client;
}

/** POSTs a file the way the editor's image dialog does. */
async function upload(client: TestClient, bytes: Buffer, { type = "image/png", id = chapterId, csrf = client.csrfToken } = {}) {
  const form = new FormData();
  if (csrf) form.set("csrf", csrf);
  form.set("file", new Blob([new Uint8Array(bytes)], { type }), "plaatje");
  return client.request(`/api/chapters/${id}/images`, { method: "POST", body: form, headers: { Origin: client.origin } });
}

describe("image upload", () => {
  test("a writer uploads an image; the same bytes twice give the same URL, stored by content hash", async () => {
    const client = await clientAs(writer);
    const bytes = png();
    const first = await upload(client, bytes);
    expect(first.status).toBe(201);
    const { url } = (await first.json()) as { url: string };
    expect(url).toBe(`/uploads/${createHash("sha256").update(bytes).digest("hex")}.png`);

    const second = await upload(client, bytes, { type: "application/octet-stream" });
    expect(second.status).toBe(201);
    expect(((await second.json()) as { url: string }).url).toBe(url);

    const served = await fetch(new URL(url, app.url));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
  });

  test.each([
    ["JPEG", Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64)]), ".jpg"],
    ["GIF", Buffer.concat([Buffer.from("GIF89a"), randomBytes(64)]), ".gif"],
    ["WebP", Buffer.concat([Buffer.from("RIFF"), Buffer.from([0, 0, 0, 0]), Buffer.from("WEBPVP8 "), randomBytes(64)]), ".webp"],
  ])("accepts %s by its bytes", async (_name, bytes, extension) => {
    const response = await upload(await clientAs(writer), bytes, { type: "image/whatever" });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { url: string }).url.endsWith(extension)).toBe(true);
  });

  test.each([
    ["text that claims to be a PNG", Buffer.from("<html><script>alert(1)</script></html>"), "image/png"],
    ["an SVG (it can carry script)", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "image/svg+xml"],
  ])("refuses %s with 415 and a Dutch message", async (_name, bytes, type) => {
    const response = await upload(await clientAs(writer), bytes, { type });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { message: string }).message).toMatch(/geen PNG-, JPEG-, WebP- of GIF-afbeelding/);
  });

  test("refuses an image over 5 MiB with 413", async () => {
    const response = await upload(await clientAs(writer), png(5 * 1024 * 1024 + 1));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toMatch(/groter dan 5 MB/);
  });

  test("refuses people who may not write the chapter with 403, and visitors with 401", async () => {
    const other = await upload(await clientAs(otherAuthor), png());
    expect(other.status).toBe(403);
    expect(((await other.json()) as { message: string }).message).toMatch(/geen afbeeldingen plaatsen/);
    // A published chapter is frozen: even its own writers cannot add images.
    expect((await upload(await clientAs(writer), png(), { id: publishedChapterId })).status).toBe(403);
    expect((await upload(await clientAs(null), png())).status).toBe(401);
  });

  test("refuses an upload without the CSRF field", async () => {
    const response = await upload(await clientAs(writer), png(), { csrf: null });
    expect(response.status).toBe(403);
  });

  test("serves nothing for names that are not stored images", async () => {
    for (const name of ["nope.png", `${"a".repeat(64)}.png`, `${"a".repeat(64)}.svg`, "..%2F..%2Fkapittel.db"]) {
      expect((await fetch(new URL(`/uploads/${name}`, app.url))).status, name).toBe(404);
    }
  });
});
