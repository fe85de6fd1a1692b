import type { MessageSection } from "../locales.ts";

/** Exports of the book to EPUB and PDF: jobs, progress, history, editions. */
export const exports = {
  "exports.title": { nl: "Export", en: "Export" },
  "exports.pageTitle": { nl: "Exporteren: {title}", en: "Export: {title}" },
  "exports.bookLink": { nl: "Exporteren en edities", en: "Export and editions" },
  "exports.intro": {
    nl: "Maak een EPUB of een drukklare PDF van het boek. Een export loopt op de achtergrond; je kunt deze pagina open laten of later terugkomen.",
    en: "Make an EPUB or a print-ready PDF of the book. An export runs in the background; keep this page open or come back later.",
  },
  "exports.forbidden": {
    nl: "Alleen redacteuren en beheerders kunnen het boek exporteren.",
    en: "Only editors and administrators can export the book.",
  },

  // Steps (message keys the renderers report; server/export/progress.ts)
  "exports.step.preparing": { nl: "Voorbereiden", en: "Preparing" },
  "exports.step.chapters": { nl: "Hoofdstukken omzetten", en: "Converting chapters" },
  "exports.step.assembling": { nl: "Boek samenstellen", en: "Assembling the book" },
  "exports.step.checking": { nl: "Controleren", en: "Checking" },

  // Starting an export
  "exports.start.title": { nl: "Nieuwe export", en: "New export" },
  "exports.start.scope": { nl: "Wat exporteren?", en: "What to export?" },
  "exports.start.draft": {
    nl: "Concept: alle {count} hoofdstukken, in welke fase ook",
    en: "Draft: all {count} chapters, whatever their state",
  },
  "exports.start.published": {
    nl: "Gepubliceerd: de {count} gepubliceerde hoofdstukken",
    en: "Published: the {count} published chapters",
  },
  "exports.start.edition": { nl: "Editie {number} van {date}", en: "Edition {number} of {date}" },
  "exports.start.epub": { nl: "Exporteer als EPUB", en: "Export as EPUB" },
  "exports.start.pdf": { nl: "Exporteer als PDF", en: "Export as PDF" },
  "exports.start.both": { nl: "Exporteer als EPUB en PDF", en: "Export as EPUB and PDF" },
  "exports.start.started": {
    nl: "De export staat in de wachtrij. De voortgang staat hieronder.",
    en: "The export is queued. Its progress is shown below.",
  },
  "exports.start.nothingToExport": {
    nl: "Er is niets te exporteren: dit boek heeft nog geen hoofdstukken in deze keuze.",
    en: "There is nothing to export: this book has no chapters in this choice yet.",
  },
  "exports.start.unknownEdition": { nl: "Die editie bestaat niet (meer).", en: "That edition does not exist." },
  "exports.start.retry": { nl: "Opnieuw proberen", en: "Try again" },
  "exports.start.retryLabel": {
    nl: "Export {format} van {when} opnieuw proberen",
    en: "Try the {format} export of {when} again",
  },
  "exports.unknownIntent": { nl: "Onbekende opdracht.", en: "Unknown request." },

  // Progress
  "exports.progress.title": { nl: "Voortgang", en: "Progress" },
  "exports.progress.label": { nl: "{format} — {scope}", en: "{format} — {scope}" },
  "exports.progress.queued": { nl: "In de wachtrij", en: "Queued" },
  "exports.progress.done": { nl: "Klaar", en: "Done" },
  "exports.progress.failed": { nl: "Mislukt", en: "Failed" },
  "exports.progress.percent": { nl: "{percent}%", en: "{percent}%" },
  "exports.progress.reload": { nl: "Voortgang bijwerken", en: "Refresh progress" },
  "exports.progress.download": { nl: "{format} downloaden", en: "Download {format}" },
  "exports.progress.none": { nl: "Er loopt nu geen export.", en: "No export is running." },

  // History
  "exports.history.title": { nl: "Eerdere exports", en: "Export history" },
  "exports.history.empty": { nl: "Dit boek is nog niet geëxporteerd.", en: "This book has not been exported yet." },
  "exports.history.when": { nl: "Wanneer", en: "When" },
  "exports.history.who": { nl: "Door", en: "By" },
  "exports.history.scope": { nl: "Inhoud", en: "Content" },
  "exports.history.format": { nl: "Formaat", en: "Format" },
  "exports.history.status": { nl: "Status", en: "Status" },
  "exports.history.duration": { nl: "Duur", en: "Duration" },
  "exports.history.size": { nl: "Grootte", en: "Size" },
  "exports.history.file": { nl: "Bestand", en: "File" },
  "exports.history.unknownPerson": { nl: "onbekend", en: "unknown" },
  "exports.history.seconds": { nl: "{seconds} s", en: "{seconds} s" },
  "exports.history.downloadLabel": { nl: "{format} van {when} downloaden", en: "Download the {format} of {when}" },
  "exports.history.download": { nl: "Downloaden", en: "Download" },
  "exports.history.why": { nl: "Waarom:", en: "Why:" },
  "exports.scope.draft": { nl: "Concept", en: "Draft" },
  "exports.scope.published": { nl: "Gepubliceerd", en: "Published" },
  "exports.scope.edition": { nl: "Editie {number}", en: "Edition {number}" },
  "exports.status.queued": { nl: "In de wachtrij", en: "Queued" },
  "exports.status.running": { nl: "Bezig", en: "Running" },
  "exports.status.done": { nl: "Klaar", en: "Done" },
  "exports.status.failed": { nl: "Mislukt", en: "Failed" },

  // Why a job failed (stored as a key with parameters, shown in the reader's language)
  "exports.error.chapterUnreadable": {
    nl: "Het hoofdstuk ‘{title}’ kon niet worden gelezen: de opgeslagen tekst is beschadigd. Open het hoofdstuk in de editor of herstel een eerdere revisie, en probeer het opnieuw.",
    en: "The chapter ‘{title}’ could not be read: its stored text is damaged. Open the chapter in the editor or restore an earlier revision, and try again.",
  },
  "exports.error.manuscript": {
    nl: "Het boek kon niet worden geladen om te exporteren. Probeer het opnieuw; lukt het dan nog niet, vraag de beheerder naar taak {job} in het serverlog.",
    en: "The book could not be loaded for export. Try again; if it still fails, ask the administrator about job {job} in the server log.",
  },
  "exports.error.empty": {
    nl: "Er was niets te exporteren: het boek had op dat moment geen hoofdstukken in deze keuze.",
    en: "There was nothing to export: the book had no chapters in this choice at that moment.",
  },
  "exports.error.render": {
    nl: "Het maken van de {format} is mislukt door een fout in de exportsoftware. De beheerder vindt de details in het serverlog onder taak {job}.",
    en: "Making the {format} failed because of an error in the export software. The administrator finds the details in the server log under job {job}.",
  },
  "exports.error.store": {
    nl: "De {format} is gemaakt maar kon niet worden opgeslagen (is de schijf vol?). De beheerder vindt de details in het serverlog onder taak {job}.",
    en: "The {format} was made but could not be stored (is the disk full?). The administrator finds the details in the server log under job {job}.",
  },
  "exports.error.interrupted": {
    nl: "De export is onderbroken doordat de server opnieuw startte. Probeer het opnieuw.",
    en: "The export was interrupted because the server restarted. Try again.",
  },

  // Editions
  "exports.editions.title": { nl: "Edities", en: "Editions" },
  "exports.editions.intro": {
    nl: "Een editie legt de gepubliceerde hoofdstukken van dit moment vast, met hun EPUB en PDF. Latere wijzigingen veranderen een editie nooit; lezers en bestellingen verwijzen ernaar.",
    en: "An edition captures the chapters published at this moment, with their EPUB and PDF. Later changes never alter an edition; readers and orders refer to it.",
  },
  "exports.editions.empty": { nl: "Er zijn nog geen edities.", en: "There are no editions yet." },
  "exports.editions.number": { nl: "Editie", en: "Edition" },
  "exports.editions.frozenAt": { nl: "Bevroren op", en: "Frozen on" },
  "exports.editions.frozenBy": { nl: "Door", en: "By" },
  "exports.editions.chapters": { nl: "Hoofdstukken", en: "Chapters" },
  "exports.editions.note": { nl: "Notitie", en: "Note" },
  "exports.editions.files": { nl: "Bestanden", en: "Files" },
  "exports.editions.pending": { nl: "{format} wordt gemaakt", en: "{format} is being made" },
  "exports.editions.missing": { nl: "{format} ontbreekt", en: "{format} missing" },
  "exports.editions.fileLink": { nl: "{format} ({size})", en: "{format} ({size})" },
  "exports.editions.fileLabel": { nl: "{format} ({size}), editie {number} downloaden", en: "{format} ({size}), download edition {number}" },
  "exports.freeze.title": { nl: "Editie bevriezen", en: "Freeze an edition" },
  "exports.freeze.explain": {
    nl: "Legt de {count} gepubliceerde hoofdstukken vast als editie {number} en maakt er een EPUB en een PDF van.",
    en: "Captures the {count} published chapters as edition {number} and makes an EPUB and a PDF of it.",
  },
  "exports.freeze.note": { nl: "Notitie bij deze editie (optioneel)", en: "Note on this edition (optional)" },
  "exports.freeze.noteHelp": {
    nl: "Bijvoorbeeld: ‘Eerste druk voor het congres’.",
    en: "For instance: ‘First printing for the conference’.",
  },
  "exports.freeze.noteTooLong": { nl: "Houd de notitie onder de 500 tekens.", en: "Keep the note under 500 characters." },
  "exports.freeze.submit": { nl: "Editie bevriezen", en: "Freeze edition" },
  "exports.freeze.nothingPublished": {
    nl: "Er is nog geen gepubliceerd hoofdstuk: een editie bevat alleen gepubliceerde hoofdstukken. Publiceer eerst minstens één hoofdstuk.",
    en: "No chapter is published yet: an edition holds only published chapters. Publish at least one chapter first.",
  },
  "exports.freeze.done": {
    nl: "Editie {number} is bevroren. De EPUB en de PDF worden nu gemaakt.",
    en: "Edition {number} is frozen. The EPUB and the PDF are being made now.",
  },
} as const satisfies MessageSection;
