import type { MessageSection } from "../locales.ts";

/** Review workflow: workflow (state changes, the panel, the activity log). */
export const workflow = {
  "workflow.panel.title": { nl: "Redactieproces", en: "Editorial workflow" },
  "workflow.panel.noActions": {
    nl: "U kunt de status van dit hoofdstuk nu niet wijzigen.",
    en: "You cannot change this chapter's state now.",
  },
  "workflow.panel.lastChange": { nl: "Laatste statuswijziging", en: "Last change of state" },
  "workflow.panel.lastChangeBy": { nl: "{actor}, {when}: van {from} naar {to}", en: "{actor}, {when}: from {from} to {to}" },
  "workflow.panel.activityLink": { nl: "Activiteit van dit hoofdstuk", en: "Activity of this chapter" },
  "workflow.panel.openSuggestions": {
    nl: "Er staan {count} voorstellen open; die moeten eerst worden overgenomen of afgewezen.",
    en: "There are {count} open suggestions; they must be accepted or rejected first.",
  },
  "workflow.panel.changed": { nl: "De status is nu: {status}.", en: "The state is now: {status}." },
  "workflow.panel.busy": { nl: "Bezig…", en: "Working…" },
  "workflow.action.submit": { nl: "Ter review aanbieden", en: "Submit for review" },
  "workflow.action.request_changes": { nl: "Wijzigingen vragen", en: "Request changes" },
  "workflow.action.approve": { nl: "Goedkeuren", en: "Approve" },
  "workflow.action.publish": { nl: "Publiceren", en: "Publish" },
  "workflow.action.reopen": { nl: "Heropenen", en: "Reopen" },
  "workflow.message.request_changes": {
    nl: "Wat moet er veranderen? (de auteurs zien dit bericht)",
    en: "What needs to change? (the authors see this message)",
  },
  "workflow.message.reopen": { nl: "Waarom gaat het hoofdstuk weer open?", en: "Why is the chapter reopened?" },
  "workflow.message.send.request_changes": { nl: "Wijzigingen vragen versturen", en: "Send the change request" },
  "workflow.message.send.reopen": { nl: "Hoofdstuk heropenen", en: "Reopen the chapter" },

  "workflow.error.unknownAction": { nl: "Deze actie bestaat niet.", en: "This action does not exist." },
  "workflow.error.forbidden": {
    nl: "U mag deze stap (“{action}”) niet zetten bij dit hoofdstuk.",
    en: "You may not take this step (“{action}”) on this chapter.",
  },
  "workflow.error.wrongState": {
    nl: "“{action}” kan niet bij een hoofdstuk met de status {status}.",
    en: "“{action}” is not possible for a chapter that is {status}.",
  },
  "workflow.error.stale": {
    nl: "Dit hoofdstuk heeft inmiddels de status {status}. Laad de pagina opnieuw en kijk of uw stap nog nodig is.",
    en: "This chapter is now {status}. Reload the page and check whether your step is still needed.",
  },
  "workflow.error.expectedStatusMissing": {
    nl: "Het formulier mist de status waarvan u uitging. Laad de pagina opnieuw.",
    en: "The form lacks the state you started from. Reload the page.",
  },
  "workflow.error.messageRequired": {
    nl: "Schrijf een bericht voor de auteurs: dat is bij deze stap verplicht.",
    en: "Write a message for the authors: this step requires one.",
  },
  "workflow.error.messageTooLong": {
    nl: "Het bericht is te lang (hoogstens {max} tekens).",
    en: "The message is too long (at most {max} characters).",
  },
  "workflow.error.openSuggestions": {
    nl: "Neem eerst de {count} openstaande voorstellen over of wijs ze af.",
    en: "Accept or reject the {count} open suggestions first.",
  },
  "workflow.error.imagesWithoutAlt": {
    nl: "{count} afbeelding(en) hebben nog geen alternatieve tekst. Vul die eerst in de editor in.",
    en: "{count} image(s) have no alt text yet. Add it in the editor first.",
  },
  "workflow.error.notFound": { nl: "Dit hoofdstuk bestaat niet (meer).", en: "This chapter does not exist (any more)." },
  "workflow.error.title": { nl: "De status is niet gewijzigd", en: "The state was not changed" },
  "workflow.error.back": { nl: "Terug naar het hoofdstuk", en: "Back to the chapter" },

  "workflow.activity.chapterTitle": { nl: "Activiteit: {title}", en: "Activity: {title}" },
  "workflow.activity.bookTitle": { nl: "Activiteit in {title}", en: "Activity in {title}" },
  "workflow.activity.empty": { nl: "Nog geen activiteit.", en: "No activity yet." },
  "workflow.activity.bookLink": { nl: "Activiteit van het hele boek", en: "Activity of the whole book" },
  "workflow.activity.forbidden": {
    nl: "Alleen de auteurs van dit hoofdstuk en de redactie zien de activiteit.",
    en: "Only the chapter's authors and the editors can see its activity.",
  },
  "workflow.activity.bookForbidden": {
    nl: "Alleen auteurs en de redactie zien de activiteit van het boek.",
    en: "Only authors and the editors can see the book's activity.",
  },
  "workflow.activity.someone": { nl: "Iemand", en: "Someone" },
  "workflow.activity.inChapter": { nl: "in", en: "in" },
  "workflow.activity.kind.status_changed": { nl: "zette de status van {from} naar {to}", en: "changed the state from {from} to {to}" },
  "workflow.activity.kind.comment_added": { nl: "plaatste een opmerking", en: "added a comment" },
  "workflow.activity.kind.comment_replied": { nl: "reageerde op een opmerking", en: "replied to a comment" },
  "workflow.activity.kind.comment_resolved": { nl: "sloot een opmerking af", en: "resolved a comment" },
  "workflow.activity.kind.comment_reopened": { nl: "heropende een opmerking", en: "reopened a comment" },
  "workflow.activity.kind.suggestion_accepted": { nl: "nam een voorstel over", en: "accepted a suggestion" },
  "workflow.activity.kind.suggestion_rejected": { nl: "wees een voorstel af", en: "rejected a suggestion" },
  "workflow.activity.kind.suggestions_accepted": { nl: "nam {count} voorstellen over", en: "accepted {count} suggestions" },
  "workflow.activity.kind.suggestions_rejected": { nl: "wees {count} voorstellen af", en: "rejected {count} suggestions" },
  "workflow.activity.kind.revision_restored": { nl: "zette revisie {number} terug", en: "restored revision {number}" },
  "workflow.activity.kind.revision_restored_plain": { nl: "zette een eerdere revisie terug", en: "restored an earlier revision" },
  "workflow.activity.kind.unknown": { nl: "deed iets ({kind})", en: "did something ({kind})" },
} as const satisfies MessageSection;
