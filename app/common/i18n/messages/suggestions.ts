import type { MessageSection } from "../locales.ts";

/** Review workflow: suggestions. */
export const suggestions = {
  "suggestions.toggle": { nl: "Voorstellen", en: "Suggest" },
  "suggestions.toggleOn": {
    nl: "Voorstellen staat aan: wat u typt of verwijdert wordt een voorstel.",
    en: "Suggesting is on: what you type or delete becomes a suggestion.",
  },
  "suggestions.toggleOff": { nl: "Voorstellen staat uit: u bewerkt de tekst direct.", en: "Suggesting is off: you edit the text directly." },
  "suggestions.forced": {
    nl: "Dit hoofdstuk ligt ter review: uw wijzigingen worden voorstellen die de redactie accepteert of weigert.",
    en: "This chapter is in review: your changes become suggestions that the editors accept or reject.",
  },
  "suggestions.heading": { nl: "Voorstellen ({count})", en: "Suggestions ({count})" },
  "suggestions.none": { nl: "Geen open voorstellen.", en: "No open suggestions." },
  "suggestions.atCaret": { nl: "Voorstel bij de cursor", en: "Suggestion at the cursor" },
  "suggestions.by": { nl: "{name}, {time}", en: "{name}, {time}" },
  "suggestions.unknownAuthor": { nl: "Onbekend", en: "Unknown" },
  "suggestions.insert": { nl: "Invoegen:", en: "Insert:" },
  "suggestions.delete": { nl: "Verwijderen:", en: "Delete:" },
  "suggestions.modify": { nl: "Opmaak van een blok gewijzigd", en: "Block formatting changed" },
  "suggestions.newBlock": { nl: "Nieuwe alinea", en: "New paragraph" },
  "suggestions.accept": { nl: "Accepteren", en: "Accept" },
  "suggestions.reject": { nl: "Weigeren", en: "Reject" },
  "suggestions.withdraw": { nl: "Intrekken", en: "Withdraw" },
  "suggestions.acceptLabel": { nl: "Voorstel van {name} accepteren", en: "Accept suggestion by {name}" },
  "suggestions.rejectLabel": { nl: "Voorstel van {name} weigeren", en: "Reject suggestion by {name}" },
  "suggestions.withdrawLabel": { nl: "Uw voorstel intrekken", en: "Withdraw your suggestion" },
  "suggestions.show": { nl: "Toon in de tekst", en: "Show in the text" },
  "suggestions.acceptAll": { nl: "Alles accepteren", en: "Accept all" },
  "suggestions.rejectAll": { nl: "Alles weigeren", en: "Reject all" },
  "suggestions.accepted": { nl: "{count} voorstel(len) geaccepteerd.", en: "{count} suggestion(s) accepted." },
  "suggestions.rejected": { nl: "{count} voorstel(len) geweigerd.", en: "{count} suggestion(s) rejected." },
  "suggestions.gone": { nl: "Dit voorstel is al afgehandeld.", en: "This suggestion has already been handled." },
  "suggestions.notASuggestion": {
    nl: "Een wijziging kon niet als voorstel worden bewaard en is niet opgeslagen. Herlaad de pagina om verder te gaan.",
    en: "A change could not be kept as a suggestion and was not saved. Reload the page to continue.",
  },
  "suggestions.error.forbidden": {
    nl: "Alleen wie de tekst mag bewerken, accepteert of weigert voorstellen.",
    en: "Only people who may edit the text accept or reject suggestions.",
  },
  "suggestions.error.invalid": { nl: "Onbekende beslissing over voorstellen.", en: "Unknown decision about suggestions." },
  "suggestions.editLink": { nl: "Voorstellen doen", en: "Suggest changes" },
} as const satisfies MessageSection;
