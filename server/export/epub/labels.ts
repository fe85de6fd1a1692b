/**
 * The words the EPUB adds, in the book's language (not the exporter's interface language): a
 * Dutch book says "Inhoud" whoever exports it. Dutch and English; any other language gets English.
 * (The PDF has its own table in server/export/pdf/labels.ts with the same words for what both print.)
 */
export type EpubLabels = {
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
  more: string;
  cover: string;
  titlePage: string;
  landmarks: string;
  startOfBook: string;
  notes: string;
  noteBackLink: (n: number) => string;
  noteReference: (n: number) => string;
  part: (n: number) => string;
  by: (names: string) => string;
  list: (names: string[]) => string;
  website: string;
  fontLicence: string;
  fontCredit: string;
  accessibilitySummary: (hasImages: boolean) => string;
};

const DUTCH: EpubLabels = {
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
  more: "Meer informatie",
  cover: "Omslag",
  titlePage: "Titelpagina",
  landmarks: "Oriëntatiepunten",
  startOfBook: "Begin van de tekst",
  notes: "Noten",
  noteBackLink: (n: number) => `Terug naar de tekst bij noot ${n}`,
  noteReference: (n: number) => `Noot ${n}`,
  part: (n: number) => `Deel ${n}`,
  by: (names: string) => `Door ${names}`,
  list: (names: string[]) => joinNames(names, "en"),
  website: "Website",
  fontLicence: "Licentie van het lettertype",
  fontCredit: "Gezet in EB Garamond, uitgegeven onder de SIL Open Font License 1.1.",
  accessibilitySummary: (hasImages: boolean) =>
    "Dit e-boek voldoet aan EPUB Accessibility 1.1 en WCAG 2.1 niveau AA. Het heeft een inhoudsopgave, " +
    "koppen in een logische volgorde, oriëntatiepunten en noten die naar de tekst terugverwijzen; " +
    (hasImages ? "afbeeldingen hebben een tekstalternatief. " : "") +
    "Tekst en lettergrootte zijn aan te passen; de inhoud is zonder kleur en zonder beeld te volgen.",
};

const ENGLISH: EpubLabels = {
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
  more: "More information",
  cover: "Cover",
  titlePage: "Title page",
  landmarks: "Landmarks",
  startOfBook: "Start of the text",
  notes: "Notes",
  noteBackLink: (n: number) => `Back to the text at note ${n}`,
  noteReference: (n: number) => `Note ${n}`,
  part: (n: number) => `Part ${n}`,
  by: (names: string) => `By ${names}`,
  list: (names: string[]) => joinNames(names, "and"),
  website: "Website",
  fontLicence: "Font licence",
  fontCredit: "Set in EB Garamond, published under the SIL Open Font License 1.1.",
  accessibilitySummary: (hasImages: boolean) =>
    "This e-book meets EPUB Accessibility 1.1 and WCAG 2.1 level AA. It has a table of contents, " +
    "headings in a logical order, landmarks and notes that link back to the text; " +
    (hasImages ? "images have a text alternative. " : "") +
    "Text and font size can be adjusted; the content can be followed without colour or images.",
};

export function epubLabels(language: string): EpubLabels {
  return language.toLowerCase().startsWith("nl") ? DUTCH : ENGLISH;
}

/** A date as the book's language writes it in full ("25 november 2026"). */
export function longDate(date: Date, language: string): string {
  const locale = language.toLowerCase().startsWith("nl") ? "nl-NL" : "en-GB";
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

function joinNames(names: string[], and: string): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${and} ${names.at(-1)}`;
}
