/** What the Express server hands every Remix loader and action (server/http/remix-handler.ts). */
export type KapittelLoadContext = {
  /** The nonce this response's Content-Security-Policy allows inline scripts with. */
  cspNonce: string;
  /** The client's address, for rate limits and logs. */
  clientIp: string;
};

declare module "@remix-run/node" {
  interface AppLoadContext extends KapittelLoadContext {}
}
