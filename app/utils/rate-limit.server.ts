import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { singleton } from "./singleton.server.ts";

/** Wrong passwords allowed per account, and per client address, within one window. */
export const LOGIN_FAILURES_PER_ACCOUNT = 10;
export const LOGIN_FAILURES_PER_IP = 30;
export const LOGIN_WINDOW_SECONDS = 60;

const accountLimiter = () =>
  singleton("login-account-limiter", () => new RateLimiterMemory({ points: LOGIN_FAILURES_PER_ACCOUNT, duration: LOGIN_WINDOW_SECONDS, keyPrefix: "login-account" }));
const ipLimiter = () =>
  singleton("login-ip-limiter", () => new RateLimiterMemory({ points: LOGIN_FAILURES_PER_IP, duration: LOGIN_WINDOW_SECONDS, keyPrefix: "login-ip" }));

/** Seconds until login attempts for this account or address are allowed again; 0 when allowed now. */
export async function loginBlockedForSeconds(email: string, ip: string): Promise<number> {
  const [account, address] = await Promise.all([accountLimiter().get(email), ipLimiter().get(ip)]);
  const waits = [
    account && account.consumedPoints >= LOGIN_FAILURES_PER_ACCOUNT ? account.msBeforeNext : 0,
    address && address.consumedPoints >= LOGIN_FAILURES_PER_IP ? address.msBeforeNext : 0,
  ];
  return Math.ceil(Math.max(...waits) / 1000);
}

/** Counts one wrong password against the account and the address. */
export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  await Promise.all([
    accountLimiter().penalty(email, 1),
    ipLimiter().penalty(ip, 1),
  ]).catch((error: unknown) => {
    if (!(error instanceof RateLimiterRes)) throw error;
  });
}

/** A successful login clears the account's failures (not the address's: others may share it). */
export async function clearLoginFailures(email: string): Promise<void> {
  await accountLimiter().delete(email);
}
