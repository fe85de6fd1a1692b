import { startSession } from "#app/utils/session.server.ts";
import type { TestClient } from "./http-client.ts";

/** Logs the client in as the user by creating a real session, as the login action would. */
export async function logInAs(client: TestClient, userId: string): Promise<void> {
  const setCookie = await startSession(new Request(client.baseUrl), userId);
  const [pair = ""] = setCookie.split(";");
  const index = pair.indexOf("=");
  client.cookies.set(pair.slice(0, index), pair.slice(index + 1));
}
