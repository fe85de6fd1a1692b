import type { MessageSection } from "../locales.ts";

/** The reader's side of the book: the public book page and reading an edition online. */
export const reader = {
  "reader.readOnline": { nl: "Lees online", en: "Read online" },
  "reader.book.order": { nl: "Bestel het boek", en: "Order the book" },
  "reader.book.orderNote": { nl: "Gedrukte exemplaren, op factuur; staffelkorting vanaf 10 stuks.", en: "Printed copies, paid by invoice; volume discount from 10 copies." },
  "reader.book.coverAlt": { nl: "Omslag van {title}", en: "Cover of {title}" },
  "reader.book.actions": { nl: "Lezen, downloaden en bestellen", en: "Read, download and order" },
  "reader.book.contentsOfEdition": { nl: "Inhoud van editie {number}", en: "Contents of edition {number}" },
  "reader.book.workingContents": {
    nl: "U ziet de werkversie: alle hoofdstukken die u mag lezen, met hun status. Lezers zien de inhoud van de laatste editie.",
    en: "You see the working version: every chapter you may read, with its state. Readers see the contents of the latest edition.",
  },
  "reader.book.readEdition": { nl: "Lees editie {number} zoals lezers die zien", en: "Read edition {number} as readers see it" },
  "reader.book.newSinceEdition": { nl: "Gepubliceerd na editie {number}", en: "Published after edition {number}" },
  "reader.book.newSinceEditionNote": {
    nl: "Deze hoofdstukken staan nog niet in een editie; u leest de actuele gepubliceerde tekst.",
    en: "These chapters are not in an edition yet; you read the current published text.",
  },
  "reader.book.editions": { nl: "Edities en downloads", en: "Editions and downloads" },
  "reader.book.noEditions": { nl: "Er is nog geen editie verschenen.", en: "No edition has appeared yet." },
  "reader.book.editionTitle": { nl: "Editie {number}", en: "Edition {number}" },
  "reader.book.latest": { nl: "nieuwste", en: "latest" },
  "reader.book.editionMeta": { nl: "Verschenen op {date} · {chapters} hoofdstukken", en: "Published on {date} · {chapters} chapters" },
  "reader.book.download": { nl: "{format} downloaden", en: "Download {format}" },
  "reader.book.downloadLabel": { nl: "Editie {number} als {format} downloaden ({size})", en: "Download edition {number} as {format} ({size})" },
  "reader.book.fileInProgress": { nl: "{format} wordt nog gemaakt", en: "{format} is still being made" },
  "reader.book.partners": { nl: "Geschreven door deze partners", en: "Written by these partners" },
  "reader.chapter.edition": { nl: "Editie {number}, {date}", en: "Edition {number}, {date}" },
  "reader.chapter.contents": { nl: "Inhoud", en: "Contents" },
  "reader.chapter.contentsToggle": { nl: "Inhoud van deze editie", en: "Contents of this edition" },
  "reader.chapter.current": { nl: "(dit hoofdstuk)", en: "(this chapter)" },
  "reader.chapter.olderEdition": {
    nl: "U leest editie {number}; er is een nieuwere editie ({current}).",
    en: "You are reading edition {number}; there is a newer edition ({current}).",
  },
  "reader.chapter.toCurrentEdition": { nl: "Naar de nieuwste editie", en: "To the latest edition" },
  "reader.chapter.newerText": {
    nl: "Sinds deze editie is een nieuwere tekst van dit hoofdstuk gepubliceerd.",
    en: "A newer text of this chapter has been published since this edition.",
  },
  "reader.chapter.readNewerText": { nl: "Lees de actuele tekst", en: "Read the current text" },
  "reader.live.inEdition": {
    nl: "Dit is de actuele tekst. Het hoofdstuk staat ook in editie {number}, de uitgave die u kunt downloaden en bestellen.",
    en: "This is the current text. The chapter is also in edition {number}, the version you can download and order.",
  },
  "reader.live.readInEdition": { nl: "Lees het in editie {number}", en: "Read it in edition {number}" },
  "reader.chapter.notFound": { nl: "Dit hoofdstuk staat niet in deze editie.", en: "This chapter is not in this edition." },
  "reader.edition.notFound": { nl: "Deze editie bestaat niet.", en: "This edition does not exist." },
} as const satisfies MessageSection;
