import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { KapittelLoadContext } from "#app/common/load-context.ts";
import { COLLAB_PATH } from "#app/common/collab.ts";
import { htmlToYUpdate } from "#app/models/chapter-content.server.ts";
import { disconnectDb } from "#app/utils/db.server.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { announceShutdown, closeLiveEventRelay } from "#app/utils/live-events.server.ts";
import { closeRedisClient } from "#app/utils/redis.server.ts";
import { importEndpoint, IMPORT_ENDPOINT_PATH } from "./chapter-files/import-endpoint.ts";
import { createCollabService, type CollabService, type CollabServiceOptions } from "./collab/index.ts";
import { originCheck } from "./http/origin-check.ts";
import { renderInWorker } from "./collab/render-in-worker.ts";
import { pageCache } from "./http/page-cache.ts";
import { assignCspNonce, securityHeaders } from "./http/security-headers.ts";
import { UpgradeRouter } from "./http/upgrade-router.ts";
import { startDigestScheduler } from "./mail/digest.ts";
import { startOutboxSender, type OutboxSender } from "./mail/outbox-sender.ts";
import { startExportRunner } from "./export/jobs/runner.ts";

export type KapittelServer = {
  /** The address it listens on, e.g. http://127.0.0.1:41234. */
  url: string;
  http: Server;
  upgrades: UpgradeRouter;
  collab: CollabService;
  /** Stops accepting, lets running requests finish, then closes the database. */
  close: () => Promise<void>;
};

export type ServerOptions = {
  port?: number;
  host?: string;
  dev?: boolean;
  buildDir?: string;
  /** Overrides for the collaboration service (tests use smaller limits and shorter timings). */
  collab?: Partial<CollabServiceOptions>;
  /** How often to look for daily digests that are due (server/mail/digest.ts); tests shorten it. */
  digestIntervalMs?: number;
  /** How often the export runner looks for jobs it was not woken for (server/export/jobs/runner.ts). */
  exportFallbackIntervalMs?: number;
  /** How long visitors' reader pages are replayed (server/http/page-cache.ts); tests shorten it. */
  pageCacheTtlMs?: number;
};

/** How long shutdown waits for running requests before closing their connections. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Builds and starts Kapittel's one HTTP server: static assets, security headers, the CSRF
 * Origin check, the Remix app, and a router for WebSocket upgrades.
 */
export async function startServer(options: ServerOptions = {}): Promise<KapittelServer> {
  const env = getEnv();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY === "1");
  app.use(compression());
  app.use(assignCspNonce);
  app.use(securityHeaders({ dev: Boolean(options.dev) }));

  const remixHandler = options.dev ? await devRemixHandler(app) : await productionRemixHandler(app, options.buildDir);
  // Before the Origin check: the import command is not a browser (it proves itself by a token).
  app.post(IMPORT_ENDPOINT_PATH, ...importEndpoint(() => collab));
  app.use(originCheck(env.APP_URL));
  // Visitors' reader pages for a few seconds (docs/decisions/023); not in development, where code changes.
  if (!options.dev) app.use(pageCache({ ttlMs: options.pageCacheTtlMs }));
  app.all("*", remixHandler);

  const http = createServer(app);
  const upgrades = new UpgradeRouter();
  http.on("upgrade", upgrades.handle);
  // Edits are rendered back to HTML and text on a thread of their own, off the keystrokes' path.
  const renderer = renderInWorker();
  const collab = createCollabService({
    appUrl: env.APP_URL,
    // Chapters that were never edited live start from their HTML; edits are rendered back to it.
    htmlToUpdate: htmlToYUpdate,
    renderer,
    ...options.collab,
  });
  upgrades.add(COLLAB_PATH, collab.handleUpgrade);

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? env.PORT, options.host ?? env.HOST, () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const outbox: OutboxSender | null = env.SMTP_URL ? startOutboxSender(env.SMTP_URL, env.MAIL_FROM) : null;
  // Digests go into the outbox whether or not SMTP is configured, like every other e-mail.
  const digests = startDigestScheduler({ intervalMs: options.digestIntervalMs });
  // Export jobs queued while the server was down (or by another process) are picked up at once.
  const exportRunner = startExportRunner({ fallbackIntervalMs: options.exportFallbackIntervalMs });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // No new export starts from here on; the one running finishes while the database is open.
      const exportRunnerStopped = exportRunner.stop();
      // Collaboration first: its sockets would keep http.close() waiting, and its documents
      // must be stored while the database is still open.
      await collab.close();
      announceShutdown();
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const force = setTimeout(() => http.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await stopped;
      clearTimeout(force);
      await digests.stop();
      await exportRunnerStopped;
      await outbox?.stop();
      await disconnectDb();
      await closeLiveEventRelay();
      await closeRedisClient();
    })());

  return { url: `http://${host}:${address.port}`, http, upgrades, collab, close };
}

function loadContext(_req: express.Request, res: express.Response): KapittelLoadContext {
  return { cspNonce: res.locals.cspNonce as string, clientIp: _req.ip ?? "unknown" };
}

// REMIX_BUILD_DIR: the same variable vite.config.ts builds into (parallel checkouts, tests).
async function productionRemixHandler(app: express.Express, buildDir = process.env.REMIX_BUILD_DIR ?? "build") {
  const root = path.resolve(buildDir);
  // Fingerprinted files never change under their name: cache them for a year.
  app.use("/assets", express.static(path.join(root, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "client"), { maxAge: "1h" }));
  const build = (await import(pathToFileURL(path.join(root, "server/index.js")).href)) as ServerBuild;
  return createRequestHandler({ build, mode: "production", getLoadContext: loadContext });
}

async function devRemixHandler(app: express.Express) {
  const vite = await import("vite");
  const viteServer = await vite.createServer({ server: { middlewareMode: true } });
  app.use(viteServer.middlewares);
  return createRequestHandler({
    build: () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
    mode: "development",
    getLoadContext: loadContext,
  });
}
