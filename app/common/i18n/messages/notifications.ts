import type { MessageSection } from "../locales.ts";

/** Review workflow: notifications (bell, list, e-mails, settings). */
export const notifications = {
  "notifications.kind.submitted": { nl: "{actor} heeft “{chapter}” ter review aangeboden", en: "{actor} submitted “{chapter}” for review" },
  "notifications.kind.changes_requested": { nl: "{actor} vraagt wijzigingen in “{chapter}”", en: "{actor} requested changes to “{chapter}”" },
  "notifications.kind.approved": { nl: "{actor} heeft “{chapter}” goedgekeurd", en: "{actor} approved “{chapter}”" },
  "notifications.kind.published": { nl: "{actor} heeft “{chapter}” gepubliceerd", en: "{actor} published “{chapter}”" },
  "notifications.kind.comment_reply": { nl: "{actor} reageerde op uw opmerking in “{chapter}”", en: "{actor} replied to your comment in “{chapter}”" },
  "notifications.kind.mention": { nl: "{actor} noemde u in “{chapter}”", en: "{actor} mentioned you in “{chapter}”" },
  "notifications.kind.unknown": { nl: "Nieuws over “{chapter}” van {actor}", en: "News about “{chapter}” from {actor}" },
  "notifications.someone": { nl: "Iemand", en: "Someone" },
  "notifications.email.open": { nl: "Bekijken: {url}", en: "Open: {url}" },
  "notifications.email.settings": {
    nl: "U krijgt deze e-mail omdat u meeschrijft aan dit boek. Kies hoe vaak u e-mail krijgt op {url}",
    en: "You receive this e-mail because you work on this book. Choose how often you get e-mail at {url}",
  },
  "notifications.digest.subject": { nl: "Uw meldingen van Kapittel ({count})", en: "Your notifications from Kapittel ({count})" },

  // The bell in the header.
  "notifications.bell.label": { nl: "Meldingen, {count} ongelezen", en: "Notifications, {count} unread" },
  "notifications.bell.labelNone": { nl: "Meldingen, geen ongelezen", en: "Notifications, none unread" },

  // The list page.
  "notifications.title": { nl: "Meldingen", en: "Notifications" },
  "notifications.intro": {
    nl: "Wat er gebeurde met de hoofdstukken waaraan u werkt. Open een melding om ernaartoe te gaan; daarmee is hij gelezen.",
    en: "What happened to the chapters you work on. Open a notification to go there; that marks it read.",
  },
  "notifications.empty": { nl: "U hebt nog geen meldingen.", en: "You have no notifications yet." },
  "notifications.unread": { nl: "Nieuw", en: "New" },
  "notifications.unreadCount": { nl: "{count} ongelezen", en: "{count} unread" },
  "notifications.markAllRead": { nl: "Alles als gelezen markeren", en: "Mark all as read" },
  "notifications.markedAllRead": { nl: "Alle meldingen zijn als gelezen gemarkeerd.", en: "All notifications have been marked as read." },
  "notifications.list.label": { nl: "Uw meldingen", en: "Your notifications" },
  "notifications.paging.label": { nl: "Meer meldingen", en: "More notifications" },
  "notifications.paging.newer": { nl: "Nieuwere meldingen", en: "Newer notifications" },
  "notifications.paging.older": { nl: "Oudere meldingen", en: "Older notifications" },
  "notifications.notFound": { nl: "Deze melding bestaat niet (meer).", en: "This notification does not exist (any more)." },
  "notifications.unknownIntent": {
    nl: "Dit formulier kennen we niet. Laad de pagina opnieuw en probeer het nog eens.",
    en: "We do not recognise this form. Reload the page and try again.",
  },

  // The e-mail setting on the account page.
  "notifications.setting.title": { nl: "E-mail over meldingen", en: "E-mail about notifications" },
  "notifications.setting.intro": {
    nl: "Meldingen ziet u altijd bij de bel bovenaan. Kies daarnaast of u er e-mail over krijgt.",
    en: "You always see notifications at the bell at the top. Choose whether you also get e-mail about them.",
  },
  "notifications.setting.immediate": { nl: "Direct", en: "Immediately" },
  "notifications.setting.immediate.help": { nl: "Een e-mail bij elke melding.", en: "An e-mail for every notification." },
  "notifications.setting.daily": { nl: "Dagelijks overzicht", en: "Daily digest" },
  "notifications.setting.daily.help": {
    nl: "Hooguit één e-mail per dag met alle nieuwe meldingen.",
    en: "At most one e-mail a day with all new notifications.",
  },
  "notifications.setting.off": { nl: "Uit", en: "Off" },
  "notifications.setting.off.help": {
    nl: "Geen e-mail; ook later niet over meldingen van nu.",
    en: "No e-mail; not later either about notifications from now.",
  },
  "notifications.setting.submit": { nl: "Instelling opslaan", en: "Save setting" },
  "notifications.setting.saved": { nl: "Uw e-mailinstelling is opgeslagen.", en: "Your e-mail setting has been saved." },
  "notifications.setting.invalid": { nl: "Kies een van de mogelijkheden.", en: "Choose one of the options." },
} as const satisfies MessageSection;
