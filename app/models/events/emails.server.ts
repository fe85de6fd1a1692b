import { formatEventWhen } from "#app/common/events.ts";
import { translate } from "#app/common/i18n/catalogue.ts";
import type { Locale } from "#app/common/i18n/locales.ts";
import type { OutgoingEmail } from "#app/models/outbox.server.ts";
import { appUrl } from "#app/utils/env.server.ts";

/** The facts of an event every registration e-mail names. */
export type EventForEmail = { slug: string; title: string; startsAt: Date; endsAt: Date; location: string; onlineUrl: string | null };

/** The private link that cancels a registration; only the registrant has the token. */
export function cancelUrl(token: string): string {
  return `${appUrl()}/evenementen/afmelden/${token}`;
}

function eventLines(event: EventForEmail, locale: Locale): string[] {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(locale, key, params);
  return [
    `${t("events.email.when")}: ${formatEventWhen(event.startsAt, event.endsAt, locale)}`,
    event.location ? `${t("events.email.where")}: ${event.location}` : null,
    event.onlineUrl ? `${t("events.email.online")}: ${event.onlineUrl}` : null,
    `${t("events.email.page")}: ${appUrl()}/evenementen/${event.slug}`,
    `${t("events.email.calendar")}: ${appUrl()}/evenementen/${event.slug}/agenda.ics`,
  ].filter((line): line is string => line !== null);
}

/** The confirmation of a registration or of a place on the waiting list, with the cancel link. */
export function registrationEmail(input: {
  to: string;
  name: string;
  event: EventForEmail;
  status: "registered" | "waitlisted";
  token: string;
  locale: Locale;
}): OutgoingEmail {
  const { event, locale } = input;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(locale, key, params);
  const waitlisted = input.status === "waitlisted";
  return {
    to: input.to,
    kind: waitlisted ? "event.waitlisted" : "event.registered",
    subject: t(waitlisted ? "events.email.waitlisted.subject" : "events.email.registered.subject", { title: event.title }),
    text: [
      t("events.email.greeting", { name: input.name }),
      t(waitlisted ? "events.email.waitlisted.body" : "events.email.registered.body", { title: event.title }),
      eventLines(event, locale).join("\n"),
      `${t("events.email.cancel")}\n${cancelUrl(input.token)}`,
    ].join("\n\n"),
  };
}

/**
 * A place came free and the first on the waiting list got it. The link is new (only a hash of the
 * old one was kept), so the old link stops working. Sent in Dutch: we do not keep the
 * language a registrant used, and the events are Dutch-language events.
 */
export function promotedEmail(input: { to: string; name: string; event: EventForEmail; token: string; locale?: Locale }): OutgoingEmail {
  const locale = input.locale ?? "nl";
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(locale, key, params);
  return {
    to: input.to,
    kind: "event.promoted",
    subject: t("events.email.promoted.subject", { title: input.event.title }),
    text: [
      t("events.email.greeting", { name: input.name }),
      t("events.email.promoted.body", { title: input.event.title }),
      eventLines(input.event, locale).join("\n"),
      `${t("events.email.promoted.cancel")}\n${cancelUrl(input.token)}`,
    ].join("\n\n"),
  };
}
