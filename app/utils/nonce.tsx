import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");

/** Provides the request's CSP nonce to the document (set in entry.server.tsx). */
export const NonceProvider = NonceContext.Provider;

/** The CSP nonce for inline scripts; empty in the browser, where React does not need it. */
export function useNonce(): string {
  return useContext(NonceContext);
}
