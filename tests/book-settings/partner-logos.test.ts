import { beforeAll, describe, expect, test } from "vitest";
import { MAX_IMAGE_BYTES } from "#app/models/images.server.ts";
import { db } from "#app/utils/db.server.ts";
import { createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { loggedIn, PNG_1X1, postMultipart } from "./helpers.ts";

const app = useTestServer();
let organisation: Awaited<ReturnType<typeof createOrganisation>>;
let users: Record<"admin" | "editor", string>;
let logoPath: string;

beforeAll(async () => {
  organisation = await createOrganisation({ name: "Gemeente Logostad" });
  users = { admin: (await createUser({ role: "admin" })).id, editor: (await createUser({ role: "editor" })).id };
  logoPath = `/admin/organisaties/${organisation.id}/logo`;
});

const clientAs = (role: "admin" | "editor") => loggedIn(new TestClient(app.url), users[role]);
const upload = async (role: "admin" | "editor", bytes: Uint8Array, type = "image/png") =>
  postMultipart(await clientAs(role), logoPath, { intent: "upload" }, { logo: { bytes, name: "logo.png", type } });
const storedLogo = async () => (await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).logo;

describe("partner logos", () => {
  test("an admin uploads a logo; the admin page and both partner pages show it, sized, with the name as alt text", async () => {
    const response = await upload("admin", PNG_1X1);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true, message: "Het logo is opgeslagen." });
    const logo = await storedLogo();
    expect(logo).toMatch(/^[0-9a-f]{64}\.png$/);
    const image = new RegExp(`<img src="/uploads/${logo}" alt="Gemeente Logostad" width="\\d+" height="\\d+"`);
    expect((await (await clientAs("admin")).page(`/admin/organisaties/${organisation.id}`)).html).toMatch(image);
    const visitor = new TestClient(app.url);
    expect((await visitor.page("/partners")).html).toMatch(image);
    expect((await visitor.page(`/partners/${organisation.slug}`)).html).toMatch(image);
  });

  test("an admin removes the logo and the partner page no longer shows one", async () => {
    await upload("admin", PNG_1X1);
    const client = await clientAs("admin");
    const response = await client.post(logoPath, { intent: "remove" });
    expect(response.status).toBe(200);
    expect(await storedLogo()).toBeNull();
    expect((await new TestClient(app.url).page(`/partners/${organisation.slug}`)).html).not.toContain("/uploads/");
  });

  test("a file that is not an image is refused by its bytes", async () => {
    const response = await upload("admin", new TextEncoder().encode("<svg onload=alert(1)></svg>"));
    expect(response.status).toBe(415);
    expect((await response.json()) as { message: string }).toMatchObject({ ok: false, message: "Dit bestand is geen PNG-, JPEG-, WebP- of GIF-afbeelding." });
    expect(await storedLogo()).toBeNull();
  });

  test("an image over 5 MB is refused", async () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1024);
    big.set(PNG_1X1);
    const response = await upload("admin", big);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, message: "De afbeelding is groter dan 5 MB." });
    expect(await storedLogo()).toBeNull();
  });

  test("an editor (who may read organisations but not manage them) is refused", async () => {
    const response = await upload("editor", PNG_1X1);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { ok: boolean }).ok).toBe(false);
    expect(await storedLogo()).toBeNull();
  });
});
