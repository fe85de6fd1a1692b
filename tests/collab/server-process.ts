// A Kapittel server in its own process for the crash test: listens on PORT (0: any free port)
// and prints its address. The test kills it with SIGKILL, so nothing here gets to clean up.
import { startServer } from "#server/app.ts";

const server = await startServer({
  port: Number(process.env.PORT ?? 0),
  host: "127.0.0.1",
  buildDir: process.env.REMIX_BUILD_DIR ?? "build",
  collab: { log: () => {} },
});
console.log(`listens on ${server.url}`);
