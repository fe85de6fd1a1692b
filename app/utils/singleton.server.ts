/**
 * One instance per process, even when a module is loaded twice: the Express server (run by tsx)
 * and the Remix server bundle each carry their own copy of app modules, and both must share
 * one database client, one rate limiter and one configuration.
 */
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as typeof globalThis & { __kapittelSingletons?: Map<string, unknown> };
  store.__kapittelSingletons ??= new Map();
  if (!store.__kapittelSingletons.has(name)) store.__kapittelSingletons.set(name, create());
  return store.__kapittelSingletons.get(name) as T;
}

/** Forgets a singleton, so the next `singleton(name, …)` creates it anew (after closing it). */
export function forgetSingleton(name: string): void {
  (globalThis as typeof globalThis & { __kapittelSingletons?: Map<string, unknown> }).__kapittelSingletons?.delete(name);
}
