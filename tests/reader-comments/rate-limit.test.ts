import { beforeAll, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { REACTIONS_PER_EMAIL, REACTIONS_PER_IP } from "#app/utils/rate-limit.server.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { chapterTarget, postReaction, type Target } from "./helpers.ts";

// Its own file: the limits are counted per process, and every test client posts from 127.0.0.1.
const app = useTestServer();
let chapter: Target;

beforeAll(async () => {
  chapter = await chapterTarget("published");
});

test(`one e-mail address may post ${REACTIONS_PER_EMAIL} reactions in ten minutes; then 429 with a message`, async () => {
  const client = new TestClient(app.url);
  for (let i = 1; i <= REACTIONS_PER_EMAIL; i++) {
    const response = await postReaction(client, chapter, { authorEmail: "veel@schrijver.test", body: `Reactie ${i}` });
    expect(response.status).toBe(303);
  }
  // The same address in other capitals is the same address.
  const blocked = await postReaction(client, chapter, { authorEmail: "Veel@Schrijver.test", body: "Eén te veel" });
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await blocked.text()).toMatch(/U heeft kort na elkaar veel reacties geplaatst\. Probeer het over \d+ seconden opnieuw\./);
  expect(await db.readerComment.count({ where: { email: "veel@schrijver.test" } })).toBe(REACTIONS_PER_EMAIL);
});

test(`one client address may post ${REACTIONS_PER_IP} reactions in ten minutes, whatever the e-mail`, async () => {
  const client = new TestClient(app.url);
  // The first test's posts came from this address too.
  const already = REACTIONS_PER_EMAIL + 1;
  for (let i = already + 1; i <= REACTIONS_PER_IP; i++) {
    const response = await postReaction(client, chapter, { authorEmail: `lezer-${i}@adres.test`, body: `Adres ${i}` });
    expect(response.status, `post ${i}`).toBe(303);
  }
  const blocked = await postReaction(client, chapter, { authorEmail: "nieuw@adres.test", body: "Van hetzelfde adres" });
  expect(blocked.status).toBe(429);
  expect(await blocked.text()).toContain("Probeer het over");
  expect(await db.readerComment.count({ where: { body: "Van hetzelfde adres" } })).toBe(0);
});
