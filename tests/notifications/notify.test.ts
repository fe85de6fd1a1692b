import { describe, expect, test } from "vitest";
import { notify, sendDailyDigest, updateEmailSetting } from "#app/models/notifications.server.ts";
import { db } from "#app/utils/db.server.ts";
import { runDigestJob, startDigestScheduler } from "#server/mail/digest.ts";
import { createUser } from "#tests/factories.ts";
import { expectConsoleError } from "#tests/helpers/console.ts";
import { addFailingTrigger } from "#tests/helpers/failing-trigger.ts";
import { createNotifiedChapter, createUserWithSetting, outboxFor } from "./helpers.ts";

const HOUR = 60 * 60 * 1000;
const later = (from: Date, hours: number) => new Date(from.getTime() + hours * HOUR);

async function setup() {
  const { chapter, link } = await createNotifiedChapter("Groen in de stad");
  const editor = await createUser({ role: "editor", name: "Eva Redacteur" });
  const tell = (userIds: string[], kind: "submitted" | "approved" | "comment_reply" = "approved", excerpt = "Mooi werk") =>
    notify({ kind, chapterId: chapter.id, actorId: editor.id, userIds, excerpt, link });
  return { chapter, link, editor, tell };
}

describe("notify()", () => {
  test("creates a notification for each person told, but never for the actor", async () => {
    const { editor, tell } = await setup();
    const author = await createUser({ role: "author" });
    expect(await tell([author.id, author.id, editor.id])).toBe(1);
    expect(await db.notification.count({ where: { userId: author.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: editor.id } })).toBe(0);
    expect(await outboxFor(editor.email)).toHaveLength(0);
  });

  test("immediate: queues one e-mail at once, with the summary, the excerpt and the link", async () => {
    const { tell, link } = await setup();
    const author = await createUserWithSetting("immediate");
    await tell([author.id]);
    const mails = await outboxFor(author.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Eva Redacteur heeft “Groen in de stad” goedgekeurd");
    expect(mails[0]!.text).toContain("“Mooi werk”");
    expect(mails[0]!.text).toContain(link);
    const notification = await db.notification.findFirstOrThrow({ where: { userId: author.id } });
    expect(notification.emailedAt).not.toBeNull();
    // The digest has nothing left to send for them.
    await runDigestJob(later(new Date(), 48));
    expect(await outboxFor(author.email)).toHaveLength(1);
  });

  test("daily: nothing at once; one digest with every item after the job; none again within 24 hours", async () => {
    const { tell } = await setup();
    const author = await createUserWithSetting("daily");
    await tell([author.id], "submitted", "Eerste");
    await tell([author.id], "approved", "Tweede");
    await tell([author.id], "comment_reply", "Derde");
    expect(await outboxFor(author.email)).toHaveLength(0);

    const now = new Date();
    expect(await runDigestJob(now)).toBeGreaterThanOrEqual(1);
    const [digest, ...rest] = await outboxFor(author.email);
    expect(rest).toHaveLength(0);
    expect(digest!.kind).toBe("notification.digest");
    expect(digest!.subject).toContain("(3)");
    for (const text of ["ter review aangeboden", "goedgekeurd", "reageerde op uw opmerking", "“Eerste”", "“Tweede”", "“Derde”"]) {
      expect(digest!.text).toContain(text);
    }
    expect(await db.notification.count({ where: { userId: author.id, emailedAt: null } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: author.id } })).digestSentAt).toEqual(now);

    // Something new within the day waits for the next digest.
    await tell([author.id], "approved", "Vierde");
    await runDigestJob(now);
    await runDigestJob(later(now, 23));
    expect(await outboxFor(author.email)).toHaveLength(1);

    // A day later it goes, alone.
    await runDigestJob(later(now, 24));
    const mails = await outboxFor(author.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain("“Vierde”");
    expect(mails[1]!.text).not.toContain("“Eerste”");
  });

  test("daily: no digest when nothing is waiting, and that does not hold the next one back", async () => {
    const { tell } = await setup();
    const author = await createUserWithSetting("daily");
    const now = new Date();
    expect(await sendDailyDigest(author.id, now)).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: author.id } })).digestSentAt).toBeNull();
    await tell([author.id]);
    expect(await sendDailyDigest(author.id, later(now, 1))).toBe(1);
    expect(await outboxFor(author.email)).toHaveLength(1);
  });

  test("daily: two runs at the same moment send one digest, not two", async () => {
    const { tell } = await setup();
    const author = await createUserWithSetting("daily");
    await tell([author.id]);
    await tell([author.id]);
    const now = new Date();
    const results = await Promise.all([sendDailyDigest(author.id, now), sendDailyDigest(author.id, now), runDigestJob(now)]);
    // Whichever run won covered both items (the job counts digests, each of two items here).
    expect(results[0] + results[1] + results[2] * 2).toBe(2);
    expect(await outboxFor(author.email)).toHaveLength(1);
  });

  test("daily: a digest that fails halfway leaves nothing behind, and the next run sends every item once", async () => {
    const { tell } = await setup();
    const author = await createUserWithSetting("daily");
    const bystander = await createUserWithSetting("daily");
    await tell([author.id, bystander.id], "approved", "Eén");
    await tell([author.id, bystander.id], "submitted", "Twee");
    const now = new Date();
    // Real failures inside the database, for this person only: first the e-mail cannot be
    // stored, then (e-mail stored) the notifications cannot be marked.
    const failures = [
      { name: "test_fail_outbox", table: "OutboxEmail", on: "INSERT", when: { column: "to", equals: author.email } },
      { name: "test_fail_mark", table: "Notification", on: { updateOf: "emailedAt" }, when: { column: "userId", equals: author.id } },
    ] as const;
    for (const [index, trigger] of failures.entries()) {
      const removeTrigger = await addFailingTrigger(trigger);
      try {
        await expect(sendDailyDigest(author.id, now)).rejects.toThrow();
        expect(await outboxFor(author.email)).toHaveLength(0);
        expect(await db.notification.count({ where: { userId: author.id, emailedAt: null } })).toBe(2);
        expect((await db.user.findUniqueOrThrow({ where: { id: author.id } })).digestSentAt).toBeNull();
        if (index === 1) {
          // The job logs the one failure and still sends everyone else's digest.
          expectConsoleError(/\[digest\] digest for user/);
          await runDigestJob(now);
          expect(await outboxFor(bystander.email)).toHaveLength(1);
        }
      } finally {
        await removeTrigger();
      }
    }
    expect(await sendDailyDigest(author.id, now)).toBe(2);
    const mails = await outboxFor(author.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("“Eén”");
    expect(mails[0]!.text).toContain("“Twee”");
  });

  test("off: no e-mail, ever — also not after switching to the daily digest", async () => {
    const { tell } = await setup();
    const author = await createUserWithSetting("off");
    await tell([author.id]);
    await tell([author.id]);
    expect(await db.notification.count({ where: { userId: author.id } })).toBe(2);
    await runDigestJob(later(new Date(), 48));
    expect(await outboxFor(author.email)).toHaveLength(0);

    await updateEmailSetting(author.id, "daily");
    await runDigestJob(later(new Date(), 48));
    expect(await outboxFor(author.email)).toHaveLength(0);

    // What happens after the switch does come.
    await tell([author.id], "approved", "Na de wissel");
    await runDigestJob(later(new Date(), 48));
    const mails = await outboxFor(author.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("(1)");
  });

  test("switching from daily to immediate sends what was waiting at once; to off drops it", async () => {
    const { tell } = await setup();
    const toImmediate = await createUserWithSetting("daily");
    const toOff = await createUserWithSetting("daily");
    await tell([toImmediate.id, toOff.id], "approved", "Wachtend");
    await updateEmailSetting(toImmediate.id, "immediate");
    await updateEmailSetting(toOff.id, "off");
    const sent = await outboxFor(toImmediate.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("“Wachtend”");
    await updateEmailSetting(toOff.id, "daily");
    await runDigestJob(later(new Date(), 48));
    expect(await outboxFor(toOff.email)).toHaveLength(0);
  });

  test("the scheduler runs the job by itself and stops cleanly", async () => {
    const { tell } = await setup();
    const author = await createUserWithSetting("daily");
    await tell([author.id]);
    const scheduler = startDigestScheduler({ intervalMs: 50 });
    try {
      await expect.poll(async () => (await outboxFor(author.email)).length, { timeout: 5_000 }).toBe(1);
    } finally {
      await scheduler.stop();
    }
  });
});
