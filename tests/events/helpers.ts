import { forgetSingleton } from "#app/utils/singleton.server.ts";
import { TestClient } from "#tests/helpers/http-client.ts";

/** Registers through the real form: a fresh visitor opens the event page and posts it. */
export async function register(baseUrl: string, slug: string, fields: Record<string, string>, client = new TestClient(baseUrl)) {
  await client.page(`/evenementen/${slug}`);
  const response = await client.post(`/evenementen/${slug}`, { organisation: "", ...fields });
  return { response, html: await response.text() };
}

/** Every test starts with a fresh registration rate limit (the server runs in this process). */
export function resetRegistrationLimit(): void {
  forgetSingleton("event-registration-limiter");
}

/** The cancel link's token from an e-mail text. */
export function cancelTokenFrom(text: string): string {
  const match = /\/evenementen\/afmelden\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no cancel link in: ${text}`);
  return match[1];
}
