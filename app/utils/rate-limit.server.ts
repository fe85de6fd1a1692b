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

/** Reactions ("Laat een reactie achter") allowed per e-mail address and per client address in one window. */
export const REACTIONS_PER_EMAIL = 5;
export const REACTIONS_PER_IP = 20;
export const REACTION_WINDOW_SECONDS = 10 * 60;

const reactionEmailLimiter = () =>
  singleton("reaction-email-limiter", () => new RateLimiterMemory({ points: REACTIONS_PER_EMAIL, duration: REACTION_WINDOW_SECONDS, keyPrefix: "reaction-email" }));
const reactionIpLimiter = () =>
  singleton("reaction-ip-limiter", () => new RateLimiterMemory({ points: REACTIONS_PER_IP, duration: REACTION_WINDOW_SECONDS, keyPrefix: "reaction-ip" }));

/** Counts one reaction against the e-mail address and the client address: seconds to wait when over the limit, else 0. */
export async function consumeReactionAllowance(email: string, ip: string): Promise<number> {
  const results = await Promise.allSettled([reactionEmailLimiter().consume(email, 1), reactionIpLimiter().consume(ip, 1)]);
  let waitMs = 0;
  for (const result of results) {
    if (result.status === "fulfilled") continue;
    if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
    waitMs = Math.max(waitMs, result.reason.msBeforeNext);
  }
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
}

/**
 * "Tool aandragen" (app/models/tool-submissions.server.ts): submissions per client address (or
 * per account when signed in) and per submitter e-mail address in one hour. Generous for people
 * who propose a few tools, tight for a script filling the moderation queue.
 */
export const TOOL_SUBMISSIONS_PER_SENDER = 10;
export const TOOL_SUBMISSIONS_PER_EMAIL = 5;
export const TOOL_SUBMISSION_WINDOW_SECONDS = 60 * 60;

const toolSubmissionSenderLimiter = () =>
  singleton("tool-submission-sender-limiter", () => new RateLimiterMemory({ points: TOOL_SUBMISSIONS_PER_SENDER, duration: TOOL_SUBMISSION_WINDOW_SECONDS, keyPrefix: "tool-submission-sender" }));
const toolSubmissionEmailLimiter = () =>
  singleton("tool-submission-email-limiter", () => new RateLimiterMemory({ points: TOOL_SUBMISSIONS_PER_EMAIL, duration: TOOL_SUBMISSION_WINDOW_SECONDS, keyPrefix: "tool-submission-email" }));

/**
 * Counts one tool submission from the sender (address or account) and e-mail address. Returns the
 * seconds to wait when either is over its limit (nothing is counted then), 0 when it may go ahead.
 */
export async function consumeToolSubmission(sender: string, email: string): Promise<number> {
  const [bySender, byEmail] = await Promise.all([toolSubmissionSenderLimiter().get(sender), toolSubmissionEmailLimiter().get(email)]);
  const waits = [
    bySender && bySender.consumedPoints >= TOOL_SUBMISSIONS_PER_SENDER ? bySender.msBeforeNext : 0,
    byEmail && byEmail.consumedPoints >= TOOL_SUBMISSIONS_PER_EMAIL ? byEmail.msBeforeNext : 0,
  ];
  const wait = Math.max(...waits);
  if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
  await Promise.all([toolSubmissionSenderLimiter().penalty(sender, 1), toolSubmissionEmailLimiter().penalty(email, 1)]);
  return 0;
}

/** Event registrations allowed per client address within one window (a group registering from one office fits). */
export const EVENT_REGISTRATIONS_PER_IP = 20;
export const EVENT_REGISTRATION_WINDOW_SECONDS = 10 * 60;

const eventRegistrationLimiter = () =>
  singleton("event-registration-limiter", () =>
    new RateLimiterMemory({ points: EVENT_REGISTRATIONS_PER_IP, duration: EVENT_REGISTRATION_WINDOW_SECONDS, keyPrefix: "event-registration" }));

/** Counts one registration attempt from the address; the seconds to wait when over the limit, else 0. */
export async function consumeEventRegistration(ip: string): Promise<number> {
  try {
    await eventRegistrationLimiter().consume(ip, 1);
    return 0;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.ceil(error.msBeforeNext / 1000);
    throw error;
  }
}
