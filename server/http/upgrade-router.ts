import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

/** Takes over a WebSocket upgrade for the paths it was registered for. */
export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Routes HTTP upgrades by path prefix, so several WebSocket services (collaboration, later
 * others) can share the one HTTP server. An upgrade nobody claims is answered 404 and closed.
 */
export class UpgradeRouter {
  readonly #routes: { prefix: string; handler: UpgradeHandler }[] = [];

  /** Sends upgrades whose path is `prefix` or starts with `prefix/` to the handler. */
  add(prefix: string, handler: UpgradeHandler): void {
    this.#routes.push({ prefix: prefix.replace(/\/$/, ""), handler });
  }

  handle = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const route = this.#routes.find(({ prefix }) => pathname === prefix || pathname.startsWith(`${prefix}/`));
    if (route) {
      route.handler(request, socket, head);
      return;
    }
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  };
}
