import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, vi } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, kept off the (closed) network for updates and sync. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // No --user-data-dir: Playwright refuses it here, and launch() already uses a fresh temporary profile.
    ],
  });
}

const BROWSER_TEST_TIMEOUT_MS = 90_000;

/** One browser for the calling test file; each test makes its own context (cookies) from it. */
export function useBrowser(): { readonly browser: Browser } {
  // A test that drives two or three real browser pages takes ~15 s on a busy two-core CI machine
  // running the whole suite, twice that at worst: the file-wide 30 s limit is too tight for them.
  vi.setConfig({ testTimeout: BROWSER_TEST_TIMEOUT_MS });
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("the browser is not running yet");
      return browser;
    },
  };
}

/** Logs in through the real login form and waits for the redirect away from it. */
export async function logInThroughForm(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/wachtwoord|password/i).fill(password);
  await page.getByRole("button", { name: /inloggen|log in/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/inloggen"));
}
