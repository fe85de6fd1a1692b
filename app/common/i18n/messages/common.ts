import type { MessageSection } from "../locales.ts";

export const common = {
  "app.name": { nl: "Kapittel", en: "Kapittel" },
  "app.tagline": {
    nl: "Samen schrijven aan boeken en kennis",
    en: "Writing books and knowledge together",
  },
  "nav.main": { nl: "Hoofdmenu", en: "Main menu" },
  "nav.home": { nl: "Home", en: "Home" },
  "nav.book": { nl: "Het boek", en: "The book" },
  "nav.admin": { nl: "Beheer", en: "Admin" },
  "nav.account": { nl: "Mijn account", en: "My account" },
  "nav.login": { nl: "Inloggen", en: "Log in" },
  "nav.logout": { nl: "Uitloggen", en: "Log out" },
  "nav.register": { nl: "Registreren", en: "Register" },
  "nav.skipToContent": { nl: "Naar de inhoud", en: "Skip to content" },
  "lang.switchLabel": { nl: "Taal", en: "Language" },
  "lang.nl": { nl: "Nederlands", en: "Nederlands" },
  "lang.en": { nl: "English", en: "English" },
  "lang.submit": { nl: "Wijzig taal", en: "Change language" },
  "footer.text": {
    nl: "Kapittel — een platform van de Future City Foundation",
    en: "Kapittel — a platform of the Future City Foundation",
  },
  "form.required": { nl: "Dit veld is verplicht.", en: "This field is required." },
  "form.invalidEmail": { nl: "Vul een geldig e-mailadres in.", en: "Enter a valid e-mail address." },
  "form.tooLong": { nl: "Deze tekst is te lang.", en: "This text is too long." },
  "form.invalidChoice": { nl: "Kies een van de mogelijkheden.", en: "Choose one of the options." },
  "form.errorSummary": {
    nl: "Het formulier bevat fouten. Controleer de gemarkeerde velden.",
    en: "The form has errors. Check the marked fields.",
  },
  "form.passwordTooShort": {
    nl: "Een wachtwoord heeft minstens 10 tekens.",
    en: "A password has at least 10 characters.",
  },
  "form.saved": { nl: "Opgeslagen.", en: "Saved." },
  "error.title": { nl: "Er ging iets mis", en: "Something went wrong" },
  "error.generic": {
    nl: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
    en: "Something went wrong on our side. Please try again later.",
  },
  "error.notFound.title": { nl: "Pagina niet gevonden", en: "Page not found" },
  "error.notFound.text": {
    nl: "Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar de homepage.",
    en: "This page does not exist (any more). Check the address or go back to the home page.",
  },
  "error.forbidden.title": { nl: "Geen toegang", en: "No access" },
  "error.forbidden": {
    nl: "U hebt geen toegang tot deze pagina of handeling.",
    en: "You do not have access to this page or action.",
  },
  "error.csrf": {
    nl: "Het formulier is verlopen of komt niet van Kapittel. Laad de pagina opnieuw en probeer het nog eens.",
    en: "The form has expired or did not come from Kapittel. Reload the page and try again.",
  },
  "error.loginRequired": {
    nl: "U bent niet (meer) ingelogd. Log in en probeer het opnieuw.",
    en: "You are not logged in (any more). Log in and try again.",
  },
  "error.origin": {
    nl: "Dit verzoek komt niet van Kapittel zelf en is geweigerd.",
    en: "This request did not come from Kapittel itself and was refused.",
  },
  "error.backHome": { nl: "Terug naar de homepage", en: "Back to the home page" },
  "home.title": { nl: "Welkom bij Kapittel", en: "Welcome to Kapittel" },
  "home.intro": {
    nl: "Partners, redacteuren en lezers werken hier samen aan het boek van het programma. Lees de hoofdstukken, of log in om mee te schrijven.",
    en: "Partners, editors and readers work together here on the programme's book. Read the chapters, or log in to write along.",
  },
  "home.readBook": { nl: "Lees het boek", en: "Read the book" },
  "home.books": { nl: "Boeken", en: "Books" },
  "home.noBooks": { nl: "Er zijn nog geen boeken.", en: "There are no books yet." },
} satisfies MessageSection;
