import { connect } from "node:net";
import { describe, expect, test } from "vitest";
import { useTestServer } from "#tests/helpers/server.ts";
import { TestClient } from "#tests/helpers/http-client.ts";

const app = useTestServer();

describe("the HTTP server", () => {
  test("serves the home page in Dutch with security headers", async () => {
    const response = await fetch(app.url);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="nl"');
    expect(html).toContain("Welkom bij Kapittel");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("unsafe-inline';script"); // no unsafe-inline among script sources
    expect(csp.split(";").find((d) => d.startsWith("script-src"))).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    // Every inline script carries the nonce the policy names.
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const [, attributes] of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  test("caches fingerprinted assets for a year", async () => {
    const html = await (await fetch(app.url)).text();
    const asset = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const response = await fetch(new URL(asset!, app.url));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(response.headers.get("cache-control")).toContain("max-age=31536000");
  });

  test("answers an unknown page with a Dutch 404 page", async () => {
    const response = await fetch(new URL("/bestaat-niet", app.url));
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Pagina niet gevonden");
    expect(html).toContain("<title>Pagina niet gevonden — Kapittel</title>");
  });

  test("refuses a state-changing request from another origin, or with no origin at all", async () => {
    const client = new TestClient(app.url);
    const foreign = await client.post("/taal", { lang: "en" }, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain("niet van Kapittel");
    const none = await client.post("/taal", { lang: "en" }, { origin: null });
    expect(none.status).toBe(403);
  });

  test("refuses a form with a missing or forged CSRF token", async () => {
    const client = new TestClient(app.url);
    await client.page("/");
    const missing = await client.post("/taal", { lang: "en", csrf: null });
    expect(missing.status).toBe(403);
    const forged = await client.post("/taal", { lang: "en", csrf: "forged-token" });
    expect(forged.status).toBe(403);
    const good = await client.post("/taal", { lang: "en", redirectTo: "/" });
    expect(good.status).toBe(302);
    const { html } = await client.page("/");
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("Welcome to Kapittel");
  });

  test("closes WebSocket upgrades for paths nobody serves with 404", async () => {
    const { port, hostname } = new URL(app.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(
          "GET /nowhere HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
        );
      });
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString()));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 404/);
  });
});
