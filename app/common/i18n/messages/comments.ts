import type { MessageSection } from "../locales.ts";

/** Review workflow: comments. */
export const comments = {
  "comments.heading": { nl: "Opmerkingen", en: "Comments" },
  "comments.add": { nl: "Opmerking", en: "Comment" },
  "comments.addLabel": { nl: "Opmerking bij de geselecteerde tekst", en: "Comment on the selected text" },
  "comments.addHint": { nl: "Selecteer eerst tekst om een opmerking te plaatsen.", en: "Select some text first to comment on it." },
  "comments.newHeading": { nl: "Nieuwe opmerking", en: "New comment" },
  "comments.bodyLabel": { nl: "Uw opmerking", en: "Your comment" },
  "comments.replyLabel": { nl: "Uw reactie", en: "Your reply" },
  "comments.mentionHint": {
    nl: "Typ @ om iemand bij dit hoofdstuk te noemen; kies met de pijltjestoetsen en Enter.",
    en: "Type @ to mention someone on this chapter; choose with the arrow keys and Enter.",
  },
  "comments.mentionList": { nl: "Personen om te noemen", en: "People to mention" },
  "comments.submit": { nl: "Plaatsen", en: "Post" },
  "comments.reply": { nl: "Reageren", en: "Reply" },
  "comments.sendReply": { nl: "Reactie plaatsen", en: "Post reply" },
  "comments.cancel": { nl: "Annuleren", en: "Cancel" },
  "comments.resolve": { nl: "Oplossen", en: "Resolve" },
  "comments.reopen": { nl: "Heropenen", en: "Reopen" },
  "comments.showInText": { nl: "Toon in de tekst: {quote}", en: "Show in the text: {quote}" },
  "comments.thread": { nl: "Opmerking bij “{quote}”", en: "Comment on “{quote}”" },
  "comments.replies": { nl: "{count} reacties", en: "{count} replies" },
  "comments.none": { nl: "Nog geen opmerkingen. Selecteer tekst en kies “Opmerking”.", en: "No comments yet. Select text and choose “Comment”." },
  "comments.open": { nl: "Open ({count})", en: "Open ({count})" },
  "comments.detached": { nl: "Losgeraakt ({count})", en: "Detached ({count})" },
  "comments.detachedExplanation": {
    nl: "De tekst waarop deze opmerkingen reageerden is verwijderd; het citaat laat zien waar het om ging.",
    en: "The text these comments were about was deleted; the quote shows what it was.",
  },
  "comments.resolved": { nl: "Opgelost ({count})", en: "Resolved ({count})" },
  "comments.resolvedBy": { nl: "Opgelost door {name}", en: "Resolved by {name}" },
  "comments.readOnly": {
    nl: "Dit hoofdstuk is goedgekeurd of gepubliceerd: alleen redacteuren plaatsen nog opmerkingen.",
    en: "This chapter is approved or published: only editors still comment.",
  },
  "comments.loadFailed": { nl: "De opmerkingen konden niet worden geladen.", en: "The comments could not be loaded." },
  "comments.sendFailed": { nl: "Opslaan mislukt: {message}", en: "Could not save: {message}" },
  "comments.posted": { nl: "Opmerking geplaatst.", en: "Comment posted." },
  "comments.error.empty": { nl: "Schrijf eerst een opmerking.", en: "Write a comment first." },
  "comments.error.tooLong": {
    nl: "Uw opmerking is te lang: ten hoogste 5.000 tekens.",
    en: "Your comment is too long: 5,000 characters at most.",
  },
  "comments.error.rangeGone": {
    nl: "De tekst waarop u reageert bestaat niet meer. Selecteer de tekst opnieuw.",
    en: "The text you are commenting on no longer exists. Select the text again.",
  },
  "comments.error.badAnchor": {
    nl: "De tekst waarop u reageert bestaat niet meer. Selecteer de tekst opnieuw.",
    en: "The text you are commenting on no longer exists. Select the text again.",
  },
  "comments.error.forbidden": {
    nl: "Alleen de auteurs van dit hoofdstuk, redacteuren en beheerders zien en plaatsen opmerkingen.",
    en: "Only this chapter's authors, editors and admins see and post comments.",
  },
  "comments.error.settled": {
    nl: "Dit hoofdstuk is goedgekeurd of gepubliceerd: alleen redacteuren plaatsen nog opmerkingen.",
    en: "This chapter is approved or published: only editors still comment.",
  },
  "comments.error.threadNotFound": { nl: "Deze opmerking bestaat niet (meer).", en: "This comment does not exist (any more)." },
  "comments.error.badRequest": { nl: "Dit verzoek begrijpen we niet.", en: "We do not understand this request." },
} as const satisfies MessageSection;
