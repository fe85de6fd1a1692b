import { afterEach, beforeEach, expect, vi } from "vitest";

/**
 * A test fails when anything writes to console.error that the test did not expect: an error
 * that is only logged is still an error. Tests that provoke one on purpose call
 * `expectConsoleError(pattern)` (tests/helpers/console.ts).
 */
const state = (globalThis as { __consoleErrors?: { calls: string[]; allowed: RegExp[] } });

beforeEach(() => {
  state.__consoleErrors = { calls: [], allowed: [] };
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    const text = args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : String(arg))).join(" ");
    state.__consoleErrors?.calls.push(text);
  });
});

afterEach(() => {
  const recorded = state.__consoleErrors;
  vi.mocked(console.error).mockRestore();
  if (!recorded) return;
  const unexpected = recorded.calls.filter((text) => !recorded.allowed.some((pattern) => pattern.test(text)));
  expect(unexpected, "unexpected console.error output").toEqual([]);
});
