import type { MessageSection } from "../locales.ts";

/** Review workflow: notifications (bell, list, e-mails, settings). */
export const notifications = {
  "notifications.kind.submitted": { nl: "{actor} heeft “{chapter}” ter review aangeboden", en: "{actor} submitted “{chapter}” for review" },
  "notifications.kind.changes_requested": { nl: "{actor} vraagt wijzigingen in “{chapter}”", en: "{actor} requested changes to “{chapter}”" },
  "notifications.kind.approved": { nl: "{actor} heeft “{chapter}” goedgekeurd", en: "{actor} approved “{chapter}”" },
  "notifications.kind.published": { nl: "{actor} heeft “{chapter}” gepubliceerd", en: "{actor} published “{chapter}”" },
  "notifications.kind.comment_reply": { nl: "{actor} reageerde op uw opmerking in “{chapter}”", en: "{actor} replied to your comment in “{chapter}”" },
  "notifications.kind.mention": { nl: "{actor} noemde u in “{chapter}”", en: "{actor} mentioned you in “{chapter}”" },
  "notifications.email.open": { nl: "Bekijken: {url}", en: "Open: {url}" },
  "notifications.email.settings": {
    nl: "U krijgt deze e-mail omdat u meeschrijft aan dit boek. Kies hoe vaak u e-mail krijgt op {url}",
    en: "You receive this e-mail because you work on this book. Choose how often you get e-mail at {url}",
  },
} as const satisfies MessageSection;
