import type { MessageSection } from "../locales.ts";

/** Tool cards: references from the book to the toolbox. */
export const toolCards = {
  "toolCards.insert": { nl: "Tool invoegen", en: "Insert tool" },
  "toolCards.label": { nl: "Uit de gereedschapskist", en: "From the toolbox" },
  "toolCards.ariaLabel": { nl: "Instrument uit de gereedschapskist: {name}", en: "Instrument from the toolbox: {name}" },
  "toolCards.missing": { nl: "Dit instrument is niet (meer) beschikbaar in de gereedschapskist.", en: "This instrument is not (or no longer) available in the toolbox." },
  "toolCards.loading": { nl: "Instrument laden…", en: "Loading instrument…" },
  "toolCards.dialog.title": { nl: "Instrument uit de gereedschapskist invoegen", en: "Insert an instrument from the toolbox" },
  "toolCards.dialog.search": { nl: "Zoek een instrument", en: "Search for an instrument" },
  "toolCards.dialog.results": { nl: "Instrumenten", en: "Instruments" },
  "toolCards.dialog.none": { nl: "Geen instrumenten gevonden.", en: "No instruments found." },
  "toolCards.dialog.choose": { nl: "{name} invoegen", en: "Insert {name}" },
  "toolCards.dialog.failed": { nl: "De gereedschapskist kon niet worden geladen. Probeer het opnieuw.", en: "The toolbox could not be loaded. Please try again." },
  "toolCards.dialog.cancel": { nl: "Annuleren", en: "Cancel" },
  "toolCards.citedIn": { nl: "Genoemd in het boek", en: "Cited in the book" },
  "toolCards.citedInNone": { nl: "Nog geen hoofdstuk verwijst naar dit instrument.", en: "No chapter refers to this instrument yet." },
} as const satisfies MessageSection;
