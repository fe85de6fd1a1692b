import { db } from "#app/utils/db.server.ts";
import type { TestClient } from "#tests/helpers/http-client.ts";

/** The name of the session cookie (app/utils/session.server.ts). */
export const SESSION_COOKIE = "kp_session";

/** Logs in by posting the real login form, as a browser without JavaScript would. */
export async function logInWithForm(client: TestClient, email: string, password: string, path = "/inloggen"): Promise<Response> {
  await client.page(path);
  return client.post(path, { email, password });
}

/** Whether the client's cookies carry a working session: the account page opens instead of sending it to log in. */
export async function isLoggedIn(client: TestClient): Promise<boolean> {
  const response = await client.get("/account");
  await response.body?.cancel();
  if (response.status === 200) return true;
  if (response.status === 302 && response.headers.get("location")?.startsWith("/inloggen")) return false;
  throw new Error(`unexpected answer from /account: ${response.status}`);
}

/** The Set-Cookie line for one cookie in a response, if any. */
export function setCookieFor(response: Response, name: string): string | undefined {
  return response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));
}

/** The path of the reset link in the newest password-reset e-mail to this address. */
export async function resetLinkPathFromOutbox(email: string): Promise<string> {
  const message = await db.outboxEmail.findFirstOrThrow({
    where: { to: email, kind: "password-reset" },
    orderBy: { createdAt: "desc" },
  });
  const link = /https?:\/\/\S+\/wachtwoord-herstellen\/\S+/.exec(message.text)?.[0];
  if (!link) throw new Error(`no reset link in the e-mail: ${message.text}`);
  return new URL(link).pathname;
}

/** How often an element occurs in a page's HTML. */
export function countTags(html: string, tag: string): number {
  return html.match(new RegExp(`<${tag}[\\s>]`, "g"))?.length ?? 0;
}
