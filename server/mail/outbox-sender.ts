import nodemailer from "nodemailer";
import { deliverPendingEmails } from "#app/models/outbox.server.ts";

export type OutboxSender = { stop: () => Promise<void> };

const POLL_INTERVAL_MS = 5_000;

/**
 * Delivers the outbox by SMTP in the background: every few seconds, every message not yet
 * sent. A failed message keeps its error and is tried again on the next round (up to a limit).
 */
export function startOutboxSender(smtpUrl: string, from: string, { intervalMs = POLL_INTERVAL_MS } = {}): OutboxSender {
  const transport = nodemailer.createTransport(smtpUrl);
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() =>
      deliverPendingEmails((message) => transport.sendMail({ from, ...message })).catch((error: unknown) => {
        console.error("[outbox] delivery round failed:", error);
      }),
    );
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
