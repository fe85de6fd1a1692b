import { beforeAll, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { seriousViolations } from "#tests/helpers/axe.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { loadDemoData } from "../../prisma/demo-data.ts";
import { DEMO_PASSWORD } from "../../prisma/seed-data/users.ts";
import { resetRegistrationLimit } from "./helpers.ts";

const app = useTestServer();
const chromium = useBrowser();
const FULL_EVENT = "bestuurderssessie-slim-besturen";

beforeAll(async () => {
  await loadDemoData(db);
  resetRegistrationLimit();
});

test("a visitor finds a full event through the menu, registers, and lands on the waiting list with a clear message", async () => {
  const context = await chromium.browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  await page.goto(`${app.url}/`);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Evenementen" }).click();
  await page.getByRole("heading", { level: 1, name: "Evenementen en workshops" }).waitFor();
  await page.getByRole("link", { name: "Bestuurderssessie: zo bestuur je een slimme stad" }).click();
  await page.getByRole("heading", { level: 1, name: "Bestuurderssessie: zo bestuur je een slimme stad" }).waitFor();
  await page.getByText("Dit evenement is vol. Meld je aan voor de wachtlijst").waitFor();

  // The page also has the reactions form: work inside the registration section.
  const form = page.getByRole("region", { name: "Aanmelden voor de wachtlijst" });
  await form.getByLabel("Naam").fill("Wendy Wachtlijst");
  await form.getByLabel("E-mailadres").fill("wendy@voorbeeld.example");
  await form.getByLabel("Organisatie (niet verplicht)").fill("Gemeente Zwolle");
  await form.getByRole("button", { name: "Op de wachtlijst zetten" }).click();
  const message = form.getByRole("status").filter({ hasText: "je staat op de wachtlijst" });
  await message.waitFor();
  expect(await message.innerText()).toContain("(plaats 4)");
  expect(await message.innerText()).toContain("wendy@voorbeeld.example");
  const row = await db.eventRegistration.findFirstOrThrow({ where: { email: "wendy@voorbeeld.example" } });
  expect(row.status).toBe("waitlisted");

  // The same address again: an error that says what happened.
  await form.getByLabel("Naam").fill("Wendy");
  await form.getByLabel("E-mailadres").fill("wendy@voorbeeld.example");
  await form.getByRole("button", { name: "Op de wachtlijst zetten" }).click();
  await form.getByRole("alert").filter({ hasText: "Dit e-mailadres is al aangemeld" }).waitFor();
  expect(await db.eventRegistration.count({ where: { email: "wendy@voorbeeld.example" } })).toBe(1);
  await context.close();
});

test("the event pages and the management pages pass axe", async () => {
  const page = await chromium.browser.newPage();
  const past = "aan-de-slag-met-smart-en-leefbaar";
  for (const path of ["/evenementen", `/evenementen/${FULL_EVENT}`, `/evenementen/${past}`, "/evenementen/afmelden/onbekend"]) {
    await page.goto(`${app.url}${path}`);
    expect(await seriousViolations(page), path).toEqual([]);
  }
  await logInThroughForm(page, app.url, "redacteur@kapittel.example", DEMO_PASSWORD);
  const event = await db.event.findUniqueOrThrow({ where: { slug: FULL_EVENT } });
  for (const path of ["/redactie/evenementen", "/redactie/evenementen/nieuw", `/redactie/evenementen/${event.id}`]) {
    await page.goto(`${app.url}${path}`);
    expect(await seriousViolations(page), path).toEqual([]);
  }
  await page.close();
});
