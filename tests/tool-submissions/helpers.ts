import { expect } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createUser } from "#tests/factories.ts";
import type { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";

export const FORM_PATH = "/gereedschapskist/aandragen";

/** A complete, valid "Tool aandragen" form (visitor fields included); override what a test is about. */
export function toolFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: `Testtool ${Math.random().toString(36).slice(2, 8)}`,
    summary: "Een korte samenvatting van de tool.",
    description: "Een **afspraak** tussen gemeenten.\n\n- eerste punt\n- tweede punt",
    category: "governance",
    form: "agreement",
    toolStatus: "piloting",
    principles: "flexibility",
    "explanation.flexibility": "Modulair op te zetten.",
    "explanation.meaningfulness": "Sluit aan bij wat inwoners willen.",
    pilots: "Utrecht, Zwolle\nDeventer",
    ownerId: "",
    "links[0].title": "Tekst van de afspraak",
    "links[0].url": "https://example.org/afspraak",
    "links[1].title": "",
    "links[1].url": "",
    attachmentTitle: "",
    submitterName: "Sanne de Vries",
    submitterEmail: `sanne-${Math.random().toString(36).slice(2, 8)}@example.org`,
    ...overrides,
  };
}

/** POSTs a form as multipart (like the browser does for this form), optionally with a file. */
export async function postMultipart(
  client: TestClient,
  path: string,
  fields: Record<string, string>,
  file?: { field: string; name: string; type: string; bytes: Uint8Array },
): Promise<Response> {
  if (!client.csrfToken) await client.page(path);
  const body = new FormData();
  body.append("csrf", client.csrfToken ?? "");
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (file) body.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return client.request(path, { method: "POST", body, headers: { Origin: client.origin } });
}

/** Submits a tool through the form; returns the response and the submission it made (if any). */
export async function submitTool(client: TestClient, fields: Record<string, string>, file?: { name: string; type: string; bytes: Uint8Array }) {
  await client.page(FORM_PATH);
  const response = await postMultipart(client, FORM_PATH, fields, file && { field: "attachment", ...file });
  const submission = await db.toolSubmission.findFirst({ where: { tool: { name: fields.name } }, include: { tool: true } });
  return { response, submission };
}

/** A client logged in as a new user with the role. */
export async function clientAs(client: TestClient, role: "reader" | "author" | "editor" | "admin") {
  const user = await createUser({ role });
  await logInAs(client, user.id);
  return user;
}

/** The newest e-mail of a kind to an address; fails the test when there is none. */
export async function latestEmail(kind: string, to: string) {
  const email = await db.outboxEmail.findFirst({ where: { kind, to }, orderBy: { createdAt: "desc" } });
  expect(email, `an e-mail "${kind}" to ${to}`).not.toBeNull();
  return email!;
}

/** The path of the link in an e-mail that goes to `prefix`. */
export function linkPath(text: string, prefix: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${prefix.replace(/\//g, "\\/")}\\S*)`).exec(text);
  expect(match, `a link to ${prefix} in:\n${text}`).not.toBeNull();
  return match![1]!;
}

/** A small, real PDF (one empty page), as a PDF reader would accept it. */
export function tinyPdf(): Uint8Array {
  const objects = [
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(body.length);
    body += `${object}\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** The first bytes of a PNG image (enough for type detection). */
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
