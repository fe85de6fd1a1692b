import { expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createUser, TEST_PASSWORD } from "#tests/factories.ts";
import { seriousViolations } from "#tests/helpers/axe.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { latestEmail, linkPath, tinyPdf } from "./helpers.ts";

const app = useTestServer();
const chromium = useBrowser();

test("a visitor submits a tool with a PDF, confirms by e-mail, and an editor approves it into the toolbox", async () => {
  const editor = await createUser({ role: "editor" });
  const visitorContext = await chromium.browser.newContext({ locale: "nl-NL" });
  const page = await visitorContext.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  await page.goto(`${app.url}/gereedschapskist`);
  await page.getByRole("link", { name: /Draag hem aan/ }).click();
  await page.getByRole("heading", { level: 1, name: "Tool aandragen" }).waitFor();
  expect(await seriousViolations(page), "the empty form").toEqual([]);

  // Sending too little shows the errors at their fields, in the browser already.
  await page.getByRole("button", { name: "Tool aandragen" }).click();
  await page.getByText("Dit veld is verplicht.").first().waitFor();
  expect(await page.getByLabel("Naam van de tool").getAttribute("aria-invalid")).toBe("true");
  expect(await seriousViolations(page), "the form with errors").toEqual([]);

  await page.getByLabel("Naam van de tool").fill("Convenant slimme lantaarnpalen");
  await page.getByLabel("Korte samenvatting").fill("Afspraken tussen gemeente en netbeheerder over sensoren op lantaarnpalen.");
  await page.getByLabel("Beschrijving").fill("Een **convenant** over sensoren.\n\n- privacy\n- open data");
  await page.getByLabel("Categorie").selectOption({ label: "Inhoudelijk" });
  await page.getByLabel("Verschijningsvorm").selectOption({ label: "Afspraak" });
  await page.getByLabel("Stand van zaken").selectOption({ label: "In pilot" });
  await page.getByRole("checkbox", { name: "Ontwerp flexibiliteit" }).check();
  await page.getByLabel("Toelichting (optioneel): Ontwerp flexibiliteit").fill("Per wijk aan te passen.");
  await page.getByLabel("Pilotgemeenten").fill("Utrecht, Zwolle, Deventer");
  await page.getByLabel("Titel van link 1").fill("Tekst van het convenant");
  await page.getByLabel("Webadres van link 1").fill("https://example.org/convenant");
  await page.getByLabel("Titel van de bijlage").fill("Modelconvenant");
  await page.getByLabel("Pdf-bestand").setInputFiles({ name: "convenant.pdf", mimeType: "application/pdf", buffer: Buffer.from(tinyPdf()) });
  await page.getByLabel("Uw naam").fill("Sanne de Vries");
  await page.getByLabel("Uw e-mailadres").fill("sanne.browser@example.org");
  await page.getByRole("button", { name: "Tool aandragen" }).click();
  await page.getByText("We hebben u een e-mail gestuurd.").waitFor();

  const mail = await latestEmail("tool-submission.confirm", "sanne.browser@example.org");
  await page.goto(`${app.url}${linkPath(mail.text, "/gereedschapskist/aandragen/bevestigen/")}`);
  await page.getByRole("button", { name: "Bevestigen en insturen" }).click();
  await page.getByText("uw e-mailadres is bevestigd").waitFor();
  await visitorContext.close();

  const editorContext = await chromium.browser.newContext({ locale: "nl-NL" });
  const editorPage = await editorContext.newPage();
  editorPage.on("pageerror", (error) => pageErrors.push(error.message));
  await logInThroughForm(editorPage, app.url, editor.email, TEST_PASSWORD);
  await editorPage.goto(`${app.url}/redactie`);
  await editorPage.getByRole("link", { name: "Ingediende tools die wachten: 1" }).click();
  await editorPage.getByRole("heading", { level: 1, name: "Ingediende tools" }).waitFor();
  expect(await seriousViolations(editorPage), "the queue").toEqual([]);
  await editorPage.getByRole("link", { name: "Convenant slimme lantaarnpalen" }).click();
  await editorPage.getByRole("heading", { name: "Wat is ingediend" }).waitFor();
  await editorPage.getByRole("link", { name: "Modelconvenant" }).waitFor();
  expect(await seriousViolations(editorPage), "a submission").toEqual([]);

  await editorPage.getByLabel("Bericht aan de indiener (optioneel)").fill("Dank voor deze mooie aanvulling.");
  await editorPage.getByRole("button", { name: "Goedkeuren" }).click();
  await editorPage.getByText("Goedgekeurd: de tool staat in de gereedschapskist").waitFor();
  await editorContext.close();

  // Anyone now finds it in the toolbox, with its attachment.
  const readerPage = await chromium.browser.newPage();
  await readerPage.goto(`${app.url}/gereedschapskist`);
  await readerPage.getByRole("link", { name: "Convenant slimme lantaarnpalen" }).click();
  await readerPage.getByRole("heading", { level: 1, name: "Convenant slimme lantaarnpalen" }).waitFor();
  await readerPage.getByRole("heading", { name: "Bijlagen" }).waitFor();
  const download = readerPage.getByRole("link", { name: "Modelconvenant" });
  expect(await download.getAttribute("href")).toMatch(/^\/bestanden\/[0-9a-f]{64}\.pdf\?naam=Modelconvenant$/);
  expect(await seriousViolations(readerPage), "the tool page").toEqual([]);
  await readerPage.close();

  expect((await latestEmail("tool-submission.approved", "sanne.browser@example.org")).text).toContain("Dank voor deze mooie aanvulling.");
  expect(await db.tool.count({ where: { name: "Convenant slimme lantaarnpalen", published: true } })).toBe(1);
  expect(pageErrors).toEqual([]);
});
