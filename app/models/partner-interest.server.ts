import { db } from "#app/utils/db.server.ts";
import { appUrl } from "#app/utils/env.server.ts";
import { queueEmail } from "./outbox.server.ts";

export type PartnerInterest = { organisation: string; name: string; email: string; message: string };

/**
 * Passes an organisation's interest in a partnership on to every admin, by e-mail through the
 * outbox (and so also on the admin outbox page). Returns how many admins were told.
 */
export async function sendPartnerInterest(interest: PartnerInterest): Promise<number> {
  const admins = await db.user.findMany({ where: { role: "admin" }, select: { email: true } });
  const text = [
    `${interest.name} (${interest.email}) van ${interest.organisation} wil partner worden.`,
    interest.message ? `Bericht:\n${interest.message}` : null,
    `Partners beheren: ${appUrl()}/admin/organisaties`,
  ]
    .filter(Boolean)
    .join("\n\n");
  await db.$transaction(async (tx) => {
    for (const admin of admins) {
      await queueEmail({ to: admin.email, subject: `Aanmelding partnerschap: ${interest.organisation}`, text, kind: "partner.interest" }, tx);
    }
  });
  return admins.length;
}
