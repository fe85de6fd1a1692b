import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { deliverPendingEmails, MAX_DELIVERY_ATTEMPTS, queueEmail } from "#app/models/outbox.server.ts";
import { db } from "#app/utils/db.server.ts";
import { startOutboxSender } from "./outbox-sender.ts";

// A real SMTP server on a free port that records what it receives, and refuses one address.
const received: { to: string[]; body: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onRcptTo(address, _session, callback) {
    if (address.address.startsWith("weigeren@")) callback(new Error("550 mailbox unavailable"));
    else callback();
  },
  onData(stream, session, callback) {
    let body = "";
    stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
      callback();
    });
  },
});
let smtpUrl = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("delivering the outbox by SMTP", () => {
  test("sends every unsent message once and records failures for a retry", async () => {
    await queueEmail({ to: "partner@gemeente.test", subject: "Uitnodiging", text: "Welkom bij Kapittel.", kind: "invitation" });
    await queueEmail({ to: "weigeren@gemeente.test", subject: "Herstel", text: "Link", kind: "password-reset" });
    const transport = nodemailer.createTransport(smtpUrl);
    const send = (message: { to: string; subject: string; text: string }) =>
      transport.sendMail({ from: "Kapittel <noreply@kapittel.example>", ...message });

    expect(await deliverPendingEmails(send)).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(["partner@gemeente.test"]);
    expect(received[0]?.body).toContain("Welkom bij Kapittel.");

    const refused = await db.outboxEmail.findFirstOrThrow({ where: { to: "weigeren@gemeente.test" } });
    expect(refused.sentAt).toBeNull();
    expect(refused.attempts).toBe(1);
    expect(refused.lastError).toMatch(/550|mailbox/);

    // A second round sends nothing twice; the refused message is tried until its attempts run out.
    for (let round = 1; round < MAX_DELIVERY_ATTEMPTS + 2; round++) await deliverPendingEmails(send);
    expect(received).toHaveLength(1);
    expect((await db.outboxEmail.findFirstOrThrow({ where: { to: "weigeren@gemeente.test" } })).attempts).toBe(MAX_DELIVERY_ATTEMPTS);
    transport.close();
  });

  test("the background sender delivers a queued message and stops cleanly", async () => {
    await queueEmail({ to: "lezer@provincie.test", subject: "Bevestiging", text: "Tot snel.", kind: "test" });
    const sender = startOutboxSender(smtpUrl, "Kapittel <noreply@kapittel.example>", { intervalMs: 50 });
    const deadline = Date.now() + 10_000;
    while (!received.some((r) => r.to.includes("lezer@provincie.test")) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await sender.stop();
    expect(received.some((r) => r.to.includes("lezer@provincie.test"))).toBe(true);
    expect((await db.outboxEmail.findFirstOrThrow({ where: { to: "lezer@provincie.test" } })).sentAt).not.toBeNull();
  });
});
