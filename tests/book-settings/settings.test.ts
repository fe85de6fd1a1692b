import { beforeAll, describe, expect, test } from "vitest";
import { MAX_IMAGE_BYTES } from "#app/models/images.server.ts";
import { db } from "#app/utils/db.server.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { createArrangedBook, loggedIn, PNG_1X1, postMultipart, SCRIPT, type Role } from "./helpers.ts";

const app = useTestServer();
let fixture: Awaited<ReturnType<typeof createArrangedBook>>;
let settingsPath: string;

beforeAll(async () => {
  fixture = await createArrangedBook();
  settingsPath = `/boek/${fixture.book.slug}/instellingen`;
});

const clientAs = (role: Role) => loggedIn(new TestClient(app.url), fixture.users[role]);

/** Every field of the settings form, valid, with overrides. */
function settingsForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "settings",
    title: "Het testboek",
    subtitle: "Een ondertitel",
    editors: "Anna de Vries en Pieter Jansen",
    isbn: "978-0-262-03384-8",
    language: "nl",
    publisher: "Future City Foundation",
    year: "2026",
    licence: "CC BY 4.0",
    blurb: "Over dit boek.",
    colophon: "Vormgeving: Studio Voorbeeld.",
    foreword: "Een *voorwoord* met een [link](https://example.org).\n\nTweede alinea.",
    ...overrides,
  };
}

describe("who may open and change the settings", () => {
  test("a visitor is sent to the login page", async () => {
    const response = await new TestClient(app.url).get(settingsPath);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toContain("/inloggen");
  });

  test.each([
    ["reader", 403],
    ["author", 403],
    ["editor", 200],
    ["admin", 200],
  ] as const)("a %s gets %i for the page", async (role, status) => {
    const { response, html } = await (await clientAs(role)).page(settingsPath);
    expect(response.status).toBe(status);
    if (status === 403) expect(html).toContain("Alleen redacteuren en beheerders");
    else expect(html).toContain("Boekinstellingen");
  });

  test.each(["reader", "author"] as const)("a %s cannot save settings (403, nothing changes)", async (role) => {
    const response = await (await clientAs(role)).post(settingsPath, settingsForm({ title: "Gekaapt" }));
    expect(response.status).toBe(403);
    expect((await db.book.findUniqueOrThrow({ where: { id: fixture.book.id } })).title).not.toBe("Gekaapt");
  });

  test("the book page links editors and admins to settings and structure, and nobody else", async () => {
    for (const role of ["reader", "author", "editor", "admin"] as const) {
      const { html } = await (await clientAs(role)).page(`/boek/${fixture.book.slug}`);
      expect(html.includes(`href="${settingsPath}"`), role).toBe(role === "editor" || role === "admin");
      expect(html.includes(`href="/boek/${fixture.book.slug}/indeling"`), role).toBe(role === "editor" || role === "admin");
    }
  });
});

describe("saving the settings", () => {
  test("an editor saves every field; the ISBN is stored as digits and shown grouped", async () => {
    const client = await clientAs("editor");
    const response = await client.post(settingsPath, settingsForm({ isbn: " 978 0 262 03384 8 " }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${settingsPath}?melding=opgeslagen`);
    const book = await db.book.findUniqueOrThrow({ where: { id: fixture.book.id } });
    expect(book).toMatchObject({
      isbn: "9780262033848",
      editors: "Anna de Vries en Pieter Jansen",
      publisher: "Future City Foundation",
      year: 2026,
      licence: "CC BY 4.0",
      language: "nl",
      colophon: "Vormgeving: Studio Voorbeeld.",
    });
    expect(book.forewordHtml).toBe('<p>Een <em>voorwoord</em> met een <a href="https://example.org">link</a>.</p>\n<p>Tweede alinea.</p>');
    const { html } = await client.page(`${settingsPath}?melding=opgeslagen`);
    expect(html).toContain("De instellingen zijn opgeslagen.");
    expect(html).toContain('value="978-026203384-8"');
    // The foreword comes back as the Markdown it was written in.
    expect(html).toContain("Een *voorwoord* met een [link](https://example.org).\n\nTweede alinea.");
  });

  test("an admin may save too, and may clear the ISBN and the year", async () => {
    const response = await (await clientAs("admin")).post(settingsPath, settingsForm({ isbn: "", year: "" }));
    expect(response.status).toBe(302);
    expect(await db.book.findUniqueOrThrow({ where: { id: fixture.book.id } })).toMatchObject({ isbn: null, year: null });
  });

  test.each([
    ["978-0-262-03384-9", "Het controlecijfer klopt niet"],
    ["977-0-262-03384-8", "begint met 978 of 979"],
    ["979-0-2600-0043-8", "ISMN"],
    ["0-262-03384-4", "heeft 13 cijfers"],
  ])("ISBN %s is refused with a field error and nothing is stored", async (isbn, message) => {
    const before = await db.book.findUniqueOrThrow({ where: { id: fixture.book.id } });
    const response = await (await clientAs("editor")).post(settingsPath, settingsForm({ isbn, title: "Niet opgeslagen" }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(message);
    // The form keeps what was typed.
    expect(html).toContain(`value="${isbn}"`);
    expect(await db.book.findUniqueOrThrow({ where: { id: fixture.book.id } })).toEqual(before);
  });

  test.each([
    [{ title: "" }, "Dit veld is verplicht."],
    [{ year: "twintig" }, "Vul een jaartal in"],
    [{ year: "1200" }, "Vul een jaartal in"],
    [{ language: "fr" }, "Kies een van de mogelijkheden."],
    [{ title: "x".repeat(201) }, "Deze tekst is te lang."],
    [{ foreword: "# Een kop" }, "Het voorwoord mag alinea"],
    [{ foreword: "![beeld](https://example.org/a.png)" }, "Het voorwoord mag alinea"],
  ])("bad input %j gives a field error, not a 500", async (override, message) => {
    const response = await (await clientAs("editor")).post(settingsPath, settingsForm(override));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  });

  test("a foreword problem is reported together with the other fields' errors", async () => {
    const response = await (await clientAs("editor")).post(settingsPath, settingsForm({ isbn: "978-0-262-03384-9", foreword: "# Kop" }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Het controlecijfer klopt niet");
    expect(html).toContain("Het voorwoord mag alinea");
  });

  test("a script in any text field never comes back unescaped; the foreword is sanitized", async () => {
    const client = await clientAs("editor");
    const textFields = ["title", "subtitle", "editors", "publisher", "licence", "blurb", "colophon"];
    const withScripts = Object.fromEntries(textFields.map((name) => [name, `${name} ${SCRIPT}`]));
    const saved = await client.post(settingsPath, settingsForm({ ...withScripts, foreword: "[klik](javascript:alert(1)) en *nadruk*" }));
    expect(saved.status).toBe(302);
    const book = await db.book.findUniqueOrThrow({ where: { id: fixture.book.id } });
    expect(book.forewordHtml).toBe("<p><a>klik</a> en <em>nadruk</em></p>");
    for (const path of [settingsPath, `/boek/${fixture.book.slug}`, `/boek/${fixture.book.slug}/indeling`]) {
      const { html } = await client.page(path);
      expect(html, path).not.toContain(SCRIPT);
      expect(html, path).not.toContain("javascript:");
    }
    expect((await client.page(settingsPath)).html).toContain("title &lt;script&gt;");

    // Raw HTML in the foreword is refused outright (with the text kept, escaped, in the form).
    const refused = await client.post(settingsPath, settingsForm({ foreword: `Hallo <img src=x onerror="alert(1)"> ${SCRIPT}` }));
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("geen HTML");
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain("<img src=x");
    expect((await db.book.findUniqueOrThrow({ where: { id: fixture.book.id } })).forewordHtml).toBe(book.forewordHtml);
    await client.post(settingsPath, settingsForm());
  });
});

describe("the cover", () => {
  const upload = async (role: Role, bytes: Uint8Array, name = "omslag.png", type = "image/png") =>
    postMultipart(await clientAs(role), settingsPath, { intent: "cover" }, { cover: { bytes, name, type } });

  test("an editor uploads a PNG; the page shows it; removing takes it off", async () => {
    const response = await upload("editor", PNG_1X1);
    expect(response.status).toBe(302);
    const { coverImage } = await db.book.findUniqueOrThrow({ where: { id: fixture.book.id } });
    expect(coverImage).toMatch(/^[0-9a-f]{64}\.png$/);
    const client = await clientAs("editor");
    const { html } = await client.page(settingsPath);
    expect(html).toContain(`src="/uploads/${coverImage}"`);
    expect(html).toContain('alt="Omslag van Het testboek"');
    expect((await fetch(new URL(`/uploads/${coverImage}`, app.url))).headers.get("Content-Type")).toBe("image/png");
    expect((await client.post(settingsPath, { intent: "remove-cover" })).status).toBe(302);
    expect((await db.book.findUniqueOrThrow({ where: { id: fixture.book.id } })).coverImage).toBeNull();
  });

  test("a file that is not an image is refused by its bytes, whatever it claims to be", async () => {
    const svg = new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`);
    const response = await upload("editor", svg, "omslag.png", "image/png");
    expect(response.status).toBe(415);
    expect(await response.text()).toContain("Dit bestand is geen PNG-, JPEG-, WebP- of GIF-afbeelding.");
    expect((await db.book.findUniqueOrThrow({ where: { id: fixture.book.id } })).coverImage).toBeNull();
  });

  test("an image over 5 MB is refused with a message", async () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1024);
    big.set(PNG_1X1);
    const response = await upload("editor", big);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("De afbeelding is groter dan 5 MB.");
    expect((await db.book.findUniqueOrThrow({ where: { id: fixture.book.id } })).coverImage).toBeNull();
  });

  test("an upload without a file asks for one", async () => {
    const response = await postMultipart(await clientAs("editor"), settingsPath, { intent: "cover" }, {});
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Kies een afbeelding om te uploaden.");
  });

  test("a reader cannot upload a cover", async () => {
    expect((await upload("reader", PNG_1X1)).status).toBe(403);
    expect((await db.book.findUniqueOrThrow({ where: { id: fixture.book.id } })).coverImage).toBeNull();
  });

  test("a cover upload without the CSRF token is refused", async () => {
    const client = await clientAs("editor");
    const response = await postMultipart(client, settingsPath, { intent: "cover", csrf: "vervalst" }, { cover: { bytes: PNG_1X1, name: "a.png", type: "image/png" } });
    expect(response.status).toBe(403);
  });
});
