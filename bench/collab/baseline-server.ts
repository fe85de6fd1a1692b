// The benchmark's baseline: the stock y-websocket server (@y/websocket-server) with no
// authentication and no persistence, on its own port. Prints {"url": …} when listening.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";

const wss = new WebSocketServer({ noServer: true });
const server = createServer((_req, res) => res.end("baseline"));
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    const docName = (request.url ?? "/").split("?")[0]!.split("/").pop() ?? "doc";
    setupWSConnection(ws, request, { docName, gc: true });
  });
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(JSON.stringify({ url: `ws://127.0.0.1:${port}/collab` }));
});
process.once("SIGTERM", () => process.exit(0));
