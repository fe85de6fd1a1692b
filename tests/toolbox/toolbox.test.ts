import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { listPilotMunicipalities, listTools } from "#app/models/tools.server.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { loadDemoData } from "../../prisma/demo-data.ts";
import { DEMO_TOOLS } from "../../prisma/seed-data/tools.ts";

const app = useTestServer();

beforeAll(async () => {
  await loadDemoData(db);
});

const slugs = (tools: { slug: string }[]) => tools.map((tool) => tool.slug).sort();
const expected = (keep: (tool: (typeof DEMO_TOOLS)[number]) => boolean) => DEMO_TOOLS.filter(keep).map((tool) => tool.slug).sort();

describe("the toolbox", () => {
  test("the demo loads at least twelve tools, each with principles, pilots and owners", async () => {
    expect(await db.tool.count()).toBeGreaterThanOrEqual(12);
    const tool = await db.tool.findUniqueOrThrow({ where: { slug: "sensorenregister" }, include: { principles: true, pilots: true, owners: true } });
    expect(tool.principles.length).toBeGreaterThan(0);
    expect(tool.pilots.length).toBeGreaterThanOrEqual(3);
    expect(tool.owners.length).toBeGreaterThan(0);
  });

  test("filters combine (category, form, principle, municipality, status), each as the data says", async () => {
    expect(slugs(await listTools({}))).toEqual(expected(() => true));
    expect(slugs(await listTools({ category: "governance" }))).toEqual(expected((t) => t.category === "governance"));
    expect(slugs(await listTools({ category: "substantive", form: "standard" }))).toEqual(
      expected((t) => t.category === "substantive" && t.form === "standard"),
    );
    expect(slugs(await listTools({ principle: "flexibility", municipality: "Amersfoort" }))).toEqual(
      expected((t) => Boolean(t.principles.flexibility) && t.pilotMunicipalities.includes("Amersfoort")),
    );
    expect(slugs(await listTools({ status: "piloting", category: "governance" }))).toEqual(
      expected((t) => t.status === "piloting" && t.category === "governance"),
    );
    expect(await listTools({ form: "legislation", category: "substantive" })).toEqual([]);
  });

  test("a tool counts as validated from three pilot municipalities", async () => {
    const tools = await listTools({});
    for (const tool of tools) expect(tool.validated, tool.slug).toBe(tool.pilotCount >= 3);
    expect(tools.some((tool) => tool.validated)).toBe(true);
    expect(tools.some((tool) => !tool.validated)).toBe(true);
  });

  test("unpublished tools are nowhere: not listed, not in the municipality filter, no page", async () => {
    await db.tool.create({
      data: { slug: "nog-niet-goedgekeurd", name: "Nog niet goedgekeurd", summary: "Een inzending.", category: "substantive", form: "norm", published: false, pilots: { create: [{ municipality: "Atlantis" }] } },
    });
    expect(slugs(await listTools({}))).not.toContain("nog-niet-goedgekeurd");
    expect(await listPilotMunicipalities()).not.toContain("Atlantis");
    const client = new TestClient(app.url);
    expect((await client.get("/gereedschapskist/nog-niet-goedgekeurd")).status).toBe(404);
  });

  test("the page reads its filters from the URL; unknown values mean all, and nothing breaks", async () => {
    const client = new TestClient(app.url);
    const page = await client.page("/gereedschapskist?categorie=governance&vorm=norm");
    expect(page.response.status).toBe(200);
    for (const tool of DEMO_TOOLS) {
      const shown = page.html.includes(`href="/gereedschapskist/${tool.slug}"`);
      expect(shown, tool.slug).toBe(tool.category === "governance" && tool.form === "norm");
    }
    expect(page.html).toContain('<option value="governance" selected="">');
    const odd = await client.page("/gereedschapskist?categorie=%3Cscript%3E&gemeente=%22%29%20OR%201%3D1&status=x");
    expect(odd.response.status).toBe(200);
    expect(odd.html).not.toContain("<script>");
    expect(odd.html).toContain("Geen tools met deze filters.");
  });

  test("a tool's page shows its principles, pilots, owners and links; an unknown tool is a 404", async () => {
    const client = new TestClient(app.url);
    const page = await client.page("/gereedschapskist/convenant-antennelocaties");
    expect(page.response.status).toBe(200);
    for (const text of ["Convenant antennelocaties", "Een democratisch slim netwerk", "Sittard-Geleen", "VodafoneZiggo", "Modelconvenant (concept)", "Gevalideerd"]) {
      expect(page.html).toContain(text);
    }
    expect((await client.get("/gereedschapskist/bestaat-niet")).status).toBe(404);
  });
});
