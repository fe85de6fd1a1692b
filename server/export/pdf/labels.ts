import { translator } from "#app/common/i18n/catalogue.ts";
import { isOrganisationKind, ORGANISATION_KIND_LABEL } from "#app/common/organisations.ts";

/**
 * The words the PDF itself adds (headings of the generated pages, colophon lines), in the book's
 * language rather than the reader's interface language: a Dutch book says "Inhoud" whoever
 * exports it. Dutch and English; any other language gets English.
 */
export type BookLabels = {
  contents: string;
  foreword: string;
  colophon: string;
  partners: string;
  tools: string;
  toolsIntro: string;
  toolCard: string;
  editedBy: string;
  withContributionsBy: string;
  publisher: string;
  licence: string;
  edition: (number: number, date: string) => string;
  draft: (date: string) => string;
  coverAlt: (title: string) => string;
  isbn: string;
  chapter: (number: number) => string;
  part: (number: number) => string;
  and: string;
};

const DUTCH: BookLabels = {
  contents: "Inhoud",
  foreword: "Voorwoord",
  colophon: "Colofon",
  partners: "Over de partners",
  tools: "Gereedschapskist",
  toolsIntro: "De instrumenten waarnaar dit boek verwijst. Op de website staat bij elk instrument een uitgebreide beschrijving.",
  toolCard: "Uit de gereedschapskist",
  editedBy: "Redactie",
  withContributionsBy: "Met bijdragen van",
  publisher: "Uitgever",
  licence: "Licentie",
  edition: (number, date) => `Editie ${number}, ${date}`,
  draft: (date) => `Conceptversie van ${date}`,
  coverAlt: (title) => `Omslag van ${title}`,
  isbn: "ISBN",
  chapter: (number) => `Hoofdstuk ${number}`,
  part: (number) => `Deel ${number}`,
  and: "en",
};

const ENGLISH: BookLabels = {
  contents: "Contents",
  foreword: "Foreword",
  colophon: "Colophon",
  partners: "About the partners",
  tools: "Toolbox",
  toolsIntro: "The tools this book refers to. The website describes each of them in full.",
  toolCard: "From the toolbox",
  editedBy: "Edited by",
  withContributionsBy: "With contributions from",
  publisher: "Publisher",
  licence: "Licence",
  edition: (number, date) => `Edition ${number}, ${date}`,
  draft: (date) => `Draft of ${date}`,
  coverAlt: (title) => `Cover of ${title}`,
  isbn: "ISBN",
  chapter: (number) => `Chapter ${number}`,
  part: (number) => `Part ${number}`,
  and: "and",
};

/** The labels for a book language such as `nl` or `en-GB`. */
export function bookLabels(language: string): BookLabels {
  return language.toLowerCase().startsWith("nl") ? DUTCH : ENGLISH;
}

/** A date as the book's language writes it in full ("25 november 2026"). */
export function longDate(date: Date, language: string): string {
  const locale = language.toLowerCase().startsWith("nl") ? "nl-NL" : "en-GB";
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

/** An organisation's kind ("municipality") as the book's language names it ("Gemeente"). */
export function organisationKind(kind: string, language: string): string {
  if (!isOrganisationKind(kind)) return kind;
  return translator(language.toLowerCase().startsWith("nl") ? "nl" : "en")(ORGANISATION_KIND_LABEL[kind]);
}
