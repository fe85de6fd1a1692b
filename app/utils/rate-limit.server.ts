import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { redisClient } from "./redis.server.ts";
import { singleton } from "./singleton.server.ts";

type LimiterOptions = { points: number; duration: number; keyPrefix: string };

/**
 * A limiter shared by every Kapittel process when REDIS_URL is set (counts in Redis, one atomic
 * Lua script per hit: docs/decisions/022), else one in this process's memory. While Redis is
 * unreachable the Redis limiter counts in memory instead (per process, so briefly looser) and says
 * so once per outage; refusing every login because Redis is away would be worse.
 */
function limiter(name: string, options: LimiterOptions): RateLimiterAbstract {
  return singleton(name, () => {
    const client = redisClient();
    if (!client) return new RateLimiterMemory(options);
    let reported = false;
    client.on("ready", () => (reported = false));
    const fallback = new (class extends RateLimiterMemory {
      override consume(...args: Parameters<RateLimiterMemory["consume"]>) {
        report();
        return super.consume(...args);
      }
      override penalty(...args: Parameters<RateLimiterMemory["penalty"]>) {
        report();
        return super.penalty(...args);
      }
      override get(...args: Parameters<RateLimiterMemory["get"]>) {
        report();
        return super.get(...args);
      }
    })(options);
    const report = () => {
      if (reported) return;
      reported = true;
      console.warn(JSON.stringify({ event: "rateLimit.memoryFallback", limiter: options.keyPrefix, reason: "Redis unavailable" }));
    };
    return new RateLimiterRedis({
      ...options,
      keyPrefix: `kapittel:rate:${options.keyPrefix}`,
      storeClient: client,
      rejectIfRedisNotReady: true,
      insuranceLimiter: fallback,
    });
  });
}

/** Wrong passwords allowed per account, and per client address, within one window. */
export const LOGIN_FAILURES_PER_ACCOUNT = 10;
export const LOGIN_FAILURES_PER_IP = 30;
export const LOGIN_WINDOW_SECONDS = 60;

const accountLimiter = () =>
  limiter("login-account-limiter", { points: LOGIN_FAILURES_PER_ACCOUNT, duration: LOGIN_WINDOW_SECONDS, keyPrefix: "login-account" });
const ipLimiter = () =>
  limiter("login-ip-limiter", { points: LOGIN_FAILURES_PER_IP, duration: LOGIN_WINDOW_SECONDS, keyPrefix: "login-ip" });

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
  limiter("reaction-email-limiter", { points: REACTIONS_PER_EMAIL, duration: REACTION_WINDOW_SECONDS, keyPrefix: "reaction-email" });
const reactionIpLimiter = () =>
  limiter("reaction-ip-limiter", { points: REACTIONS_PER_IP, duration: REACTION_WINDOW_SECONDS, keyPrefix: "reaction-ip" });

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
  limiter("tool-submission-sender-limiter", { points: TOOL_SUBMISSIONS_PER_SENDER, duration: TOOL_SUBMISSION_WINDOW_SECONDS, keyPrefix: "tool-submission-sender" });
const toolSubmissionEmailLimiter = () =>
  limiter("tool-submission-email-limiter", { points: TOOL_SUBMISSIONS_PER_EMAIL, duration: TOOL_SUBMISSION_WINDOW_SECONDS, keyPrefix: "tool-submission-email" });

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
  limiter("event-registration-limiter", { points: EVENT_REGISTRATIONS_PER_IP, duration: EVENT_REGISTRATION_WINDOW_SECONDS, keyPrefix: "event-registration" });

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
