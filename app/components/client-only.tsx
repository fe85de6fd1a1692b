import { useSyncExternalStore, type ReactNode } from "react";

const subscribe = () => () => {};

/** Whether the page is running in the browser after hydration (false while rendering on the server). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * Renders `children()` only in the browser; the server (and the first client render, so
 * hydration matches) shows `fallback`. For components that need `window`, like the editor.
 */
export function ClientOnly({ children, fallback }: { children: () => ReactNode; fallback: ReactNode }) {
  return useHydrated() ? children() : fallback;
}
