import { describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { TOOL_SUBMISSIONS_PER_EMAIL, TOOL_SUBMISSIONS_PER_SENDER } from "#app/utils/rate-limit.server.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { clientAs, submitTool, toolFields } from "./helpers.ts";

// A file of its own: the limits are per process and hour, and this file uses them up.
const app = useTestServer();

describe("Tool aandragen is rate-limited", () => {
  test("per client address: after the limit, a clear 429 and nothing stored", async () => {
    const client = new TestClient(app.url);
    for (let n = 0; n < TOOL_SUBMISSIONS_PER_SENDER; n++) {
      const { response } = await submitTool(client, toolFields());
      expect(response.status, `submission ${n + 1}`).toBe(302);
    }
    const fields = toolFields();
    const { response, submission } = await submitTool(new TestClient(app.url), fields);
    expect(response.status).toBe(429);
    expect(await response.text()).toMatch(/U hebt het afgelopen uur al veel tools aangedragen. Probeer het over \d+ minuten opnieuw./);
    expect(submission).toBeNull();
    expect(await db.outboxEmail.count({ where: { to: fields.submitterEmail } })).toBe(0);
  });

  test("per e-mail address, also for someone with an account", async () => {
    const client = new TestClient(app.url);
    const reader = await clientAs(client, "reader");
    for (let n = 0; n < TOOL_SUBMISSIONS_PER_EMAIL; n++) {
      expect((await submitTool(client, toolFields())).response.status, `submission ${n + 1}`).toBe(302);
    }
    const { response, submission } = await submitTool(client, toolFields());
    expect(response.status).toBe(429);
    expect(submission).toBeNull();
    expect(await db.toolSubmission.count({ where: { submitterId: reader.id } })).toBe(TOOL_SUBMISSIONS_PER_EMAIL);
  });
});
