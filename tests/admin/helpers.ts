import type { Role } from "#app/common/permissions.ts";
import { createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";

/** A client logged in as a new user with the role (and organisations), with the user. */
export async function loggedInClient(
  baseUrl: string,
  role: Role,
  options: { name?: string; organisationIds?: string[] } = {},
): Promise<{ client: TestClient; user: Awaited<ReturnType<typeof createUser>> }> {
  const user = await createUser({ role, ...options });
  const client = new TestClient(baseUrl);
  await logInAs(client, user.id);
  return { client, user };
}

/** A page's visible text: tags dropped, entities decoded, non-breaking spaces as spaces. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[\s\u00a0\u202f]+/g, " ");
}

/**
 * The error text shown next to a form field, found the way assistive technology finds it: the
 * field's aria-describedby points at the error list. Empty when the field has no error.
 */
export function fieldErrorText(html: string, name: string): string {
  const field = new RegExp(`<(?:input|select|textarea)\\b[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0];
  if (!field) throw new Error(`no field named ${name} in the page`);
  const describedBy = /aria-describedby="([^"]+)"/.exec(field)?.[1]?.split(" ") ?? [];
  const errorId = describedBy.find((id) => id.endsWith("-error"));
  if (!errorId) return "";
  const list = new RegExp(`<ul id="${errorId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>([\\s\\S]*?)</ul>`).exec(html)?.[1];
  return list ? textOf(list).trim() : "";
}

/** How often an element occurs in a page's HTML. */
export function countTags(html: string, tag: string): number {
  return html.match(new RegExp(`<${tag}[\\s>]`, "g"))?.length ?? 0;
}
