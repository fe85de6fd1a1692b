import type { MessageSection } from "../locales.ts";

export const book = {
  "chapter.status.draft": { nl: "Concept", en: "Draft" },
  "chapter.status.in_review": { nl: "Ter review", en: "In review" },
  "chapter.status.changes_requested": { nl: "Wijzigingen gevraagd", en: "Changes requested" },
  "chapter.status.approved": { nl: "Goedgekeurd", en: "Approved" },
  "chapter.status.published": { nl: "Gepubliceerd", en: "Published" },
  "book.contents": { nl: "Inhoud", en: "Contents" },
  "book.part": { nl: "Deel {number}", en: "Part {number}" },
  "book.byOrganisations": { nl: "Door {names}", en: "By {names}" },
  "book.noChapters": { nl: "Nog geen hoofdstukken zichtbaar.", en: "No chapters visible yet." },
  "book.statusLabel": { nl: "Status", en: "Status" },
  "book.yourOrganisation": { nl: "Uw organisatie", en: "Your organisation" },
  "book.publishedOnlyNote": {
    nl: "U ziet de gepubliceerde hoofdstukken. Partners en redacteuren zien na het inloggen ook hun concepten.",
    en: "You see the published chapters. Partners and editors also see their drafts after logging in.",
  },
  "chapter.previous": { nl: "Vorig hoofdstuk", en: "Previous chapter" },
  "chapter.next": { nl: "Volgend hoofdstuk", en: "Next chapter" },
  "chapter.backToBook": { nl: "Terug naar de inhoud", en: "Back to the contents" },
  "chapter.pagination": { nl: "Hoofdstukken bladeren", en: "Browse chapters" },
  "chapter.writtenBy": { nl: "Geschreven door", en: "Written by" },
  "chapter.authors": { nl: "Auteurs", en: "Authors" },
  "chapter.notPublishedNotice": {
    nl: "Dit hoofdstuk is nog niet gepubliceerd; alleen de schrijvende partners en de redactie zien het.",
    en: "This chapter is not published yet; only the writing partners and the editors can see it.",
  },
  "chapter.forbidden": {
    nl: "Dit hoofdstuk is nog niet gepubliceerd. Alleen de partners die het schrijven en de redactie kunnen het openen.",
    en: "This chapter is not published yet. Only the partners writing it and the editors can open it.",
  },
  "chapter.youCanEdit": { nl: "U kunt aan dit hoofdstuk meeschrijven.", en: "You can co-write this chapter." },
  "footnotes.label": { nl: "Noten", en: "Notes" },
} satisfies MessageSection;
