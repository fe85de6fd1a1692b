import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();
let admins: string[] = [];

beforeAll(async () => {
  admins = [(await createUser({ role: "admin" })).email, (await createUser({ role: "admin" })).email];
  await createUser({ role: "editor" });
});

const interestMails = () => db.outboxEmail.findMany({ where: { kind: "partner.interest" }, orderBy: { to: "asc" } });

async function submit(fields: Record<string, string>) {
  const client = new TestClient(app.url);
  await client.page("/partner-worden");
  return client.post("/partner-worden", fields);
}

describe("Partner worden", () => {
  test("the page states the offer: phases, monthly events, the fee range and the right to write", async () => {
    const { response, html } = await new TestClient(app.url).page("/partner-worden");
    expect(response.status).toBe(200);
    for (const text of ["7.500", "12.500", "Elke maand", "artikelen schrijven", "In de zomer schrijven we samen het boek"]) expect(html).toContain(text);
  });

  test("an interest reaches every admin by e-mail, and nobody else", async () => {
    await db.outboxEmail.deleteMany({ where: { kind: "partner.interest" } });
    const response = await submit({ organisation: "Gemeente Kustdorp", name: "Sanne de Vries", email: "sanne@kustdorp.example", message: "Wij willen graag meeschrijven." });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Dank u! We nemen contact met u op");
    const mails = await interestMails();
    expect(mails.map((m) => m.to)).toEqual([...admins].sort());
    expect(mails[0]!.subject).toBe("Aanmelding partnerschap: Gemeente Kustdorp");
    expect(mails[0]!.text).toContain("Wij willen graag meeschrijven.");
  });

  test("bad input gets form errors and sends nothing", async () => {
    await db.outboxEmail.deleteMany({ where: { kind: "partner.interest" } });
    const response = await submit({ organisation: "", name: "Sanne", email: "geen-adres", message: "x".repeat(6000) });
    expect(response.status).toBe(400);
    expect(await interestMails()).toEqual([]);
  });

  test("a robot filling the hidden field is thanked and ignored; script in a field stays text", async () => {
    await db.outboxEmail.deleteMany({ where: { kind: "partner.interest" } });
    const robot = await submit({ organisation: "Spam BV", name: "Spam", email: "spam@spam.example", message: "Koop nu", website: "https://spam.example" });
    expect(robot.status).toBe(200);
    expect(await interestMails()).toEqual([]);
    const script = await submit({ organisation: "<script>alert(1)</script>", name: "Test", email: "test@kustdorp.example", message: "" });
    expect(script.status).toBe(200);
    expect((await interestMails())[0]!.subject).toContain("<script>alert(1)</script>"); // plain-text e-mail, never HTML
  });
});
