import type { Page } from "playwright-core";
import { afterEach, describe, expect, test } from "vitest";
import { createInvitation } from "#app/models/invitations.server.ts";
import { db } from "#app/utils/db.server.ts";
import { startSession } from "#app/utils/session.server.ts";
import { createOrganisation, createUser } from "#tests/factories.ts";
import { useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();
const chromium = useBrowser();

const pages: Page[] = [];
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.context().close()));
});

/** A browser page logged in as a new admin, recording anything the page logs as an error. */
async function adminPage(): Promise<{ page: Page; errors: string[] }> {
  const user = await createUser({ role: "admin" });
  const [pair = ""] = (await startSession(new Request(app.url), user.id)).split(";");
  const context = await chromium.browser.newContext({ locale: "nl-NL" });
  await context.addCookies([{ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), url: app.url }]);
  const page = await context.newPage();
  pages.push(page);
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}

/** Waits until the page is hydrated (React has attached), so client-side validation is live. */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as { __remixRouter?: { state?: { initialized?: boolean } } }).__remixRouter?.state?.initialized));
}

describe("the admin area in a browser", () => {
  test("creating an organisation: the fee is checked before sending, then the organisation is saved", async () => {
    const { page, errors } = await adminPage();
    await page.goto(`${app.url}/admin/organisaties/nieuw`);
    await hydrated(page);
    await page.getByLabel("Naam", { exact: true }).fill("Gemeente Browserstad");
    const fee = page.getByLabel("Partnerfee (euro, excl. btw)");
    await fee.fill("6000");
    await fee.blur();
    await page.getByText("De partnerfee is een heel bedrag tussen € 7.500 en € 12.500, of leeg.").waitFor();
    await expect(fee.getAttribute("aria-invalid")).resolves.toBe("true");

    await fee.fill("9000");
    await page.getByLabel("Fee betaald").check();
    await page.getByRole("button", { name: "Organisatie aanmaken" }).click();
    await page.waitForURL(/\/admin\/organisaties\/[^/]+\?melding=aangemaakt/);
    await page.getByRole("heading", { level: 1, name: "Gemeente Browserstad" }).waitFor();
    expect(await db.organisation.findFirst({ where: { name: "Gemeente Browserstad" } })).toMatchObject({ feeEuros: 9000, feePaid: true });
    expect(errors).toEqual([]);
  });

  test("the invitation form asks for an organisation only for an author", async () => {
    await createOrganisation({ name: "Gemeente Keuze" });
    const { page, errors } = await adminPage();
    await page.goto(`${app.url}/admin/uitnodigingen`);
    await hydrated(page);
    await page.getByLabel("Organisatie", { exact: true }).waitFor();
    await page.getByLabel("Rol").selectOption("editor");
    await page.getByLabel("Organisatie", { exact: true }).waitFor({ state: "detached" });
    await page.getByLabel("Rol").selectOption("author");
    await page.getByLabel("E-mailadres").fill("browser.auteur@partner.test");
    await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await page.getByText("Kies de organisatie waarvoor deze auteur schrijft.").waitFor();
    expect(await db.invitation.count({ where: { email: "browser.auteur@partner.test" } })).toBe(0);
    expect(errors).toEqual([]);
  });

  test("every admin page hydrates without errors", async () => {
    const { page, errors } = await adminPage();
    for (const path of ["/admin", "/admin/organisaties", "/admin/leden", "/admin/uitnodigingen", "/admin/outbox"]) {
      await page.goto(`${app.url}${path}`);
      await hydrated(page);
    }
    await page.getByRole("navigation", { name: "Onderdelen van beheer" }).getByRole("link", { name: "Organisaties" }).click();
    await page.waitForURL(/\/admin\/organisaties$/);
    expect(errors).toEqual([]);
  });

  test("a partner accepts an invitation and arrives logged in", async () => {
    const organisation = await createOrganisation({ name: "Gemeente Welkom" });
    const inviter = await createUser({ role: "editor", name: "Ruben Redactie" });
    const email = "welkom@partner.test";
    await createInvitation({ email, role: "author", organisationId: organisation.id }, { id: inviter.id, name: inviter.name, organisations: [] });
    const text = (await db.outboxEmail.findFirstOrThrow({ where: { to: email } })).text;
    const path = new URL(/https?:\/\/\S+\/uitnodiging\/[\w-]+/.exec(text)![0]).pathname;

    const context = await chromium.browser.newContext({ locale: "nl-NL" });
    const page = await context.newPage();
    pages.push(page);
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(`${app.url}${path}`);
    await hydrated(page);
    await page.getByText("Ruben Redactie nodigt u uit om als auteur namens Gemeente Welkom mee te schrijven").waitFor();
    await page.getByLabel("Naam").fill("Willem Welkom");
    await page.getByLabel("Wachtwoord", { exact: true }).fill("een mooie lange zin");
    await page.getByLabel("Herhaal het wachtwoord").fill("een mooie lange zin");
    await page.getByRole("button", { name: "Account aanmaken en inloggen" }).click();
    await page.waitForURL(`${app.url}/`);
    await page.getByRole("link", { name: "Mijn account" }).waitFor();
    expect(await db.user.findUnique({ where: { email } })).toMatchObject({ name: "Willem Welkom", role: "author" });
    expect(errors).toEqual([]);
  });
});
