import { afterAll, beforeAll } from "vitest";
import { startServer, type KapittelServer } from "#server/app.ts";

/**
 * Starts the real Kapittel server (production build, this file's database) on a free port
 * for the tests in the calling file, and stops it afterwards.
 */
export function useTestServer(): { readonly url: string; readonly server: KapittelServer } {
  let server: KapittelServer | undefined;
  beforeAll(async () => {
    server = await startServer({ port: 0, host: "127.0.0.1", buildDir: process.env.REMIX_BUILD_DIR ?? "build" });
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error("the test server is not running yet");
      return server.url;
    },
    get server() {
      if (!server) throw new Error("the test server is not running yet");
      return server;
    },
  };
}
