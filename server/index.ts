// Kapittel's entry point: validate configuration, start the server, stop gracefully.
import { appUrl, ConfigError, getEnv } from "#app/utils/env.server.ts";
import { startServer } from "./app.ts";

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

  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing running requests, then stopping`);
    server.close().then(
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
