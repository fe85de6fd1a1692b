// Kapittel's entry point: validate configuration, start the server, stop gracefully.
import { appUrl, ConfigError, getEnv } from "#app/utils/env.server.ts";
import { startServer } from "./app.ts";
import { announceRunningServer, withdrawRunningServer } from "./chapter-files/import-endpoint.ts";

async function main() {
  try {
    getEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const server = await startServer({ dev: process.argv.includes("--dev") });
  console.log(`Kapittel listens on ${server.url} (public address ${appUrl()})`);
  // So that `npm run chapters:import` hands its changes to this process (it holds the live documents).
  await announceRunningServer(server.url);

  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing running requests, then stopping`);
    Promise.all([server.close(), withdrawRunningServer()]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Shutdown failed:", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("Kapittel could not start:", error);
  process.exit(1);
});
