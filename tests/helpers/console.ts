/** Lets this test write console.error lines matching the pattern (it provokes them on purpose). */
export function expectConsoleError(pattern: RegExp): void {
  const state = (globalThis as { __consoleErrors?: { allowed: RegExp[] } }).__consoleErrors;
  state?.allowed.push(pattern);
}
