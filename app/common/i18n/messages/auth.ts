import type { MessageSection } from "../locales.ts";

/** Logging in and out, registering, resetting a password, and the account page. */
export const auth = {
  // Fields shared by several forms
  "auth.name": { nl: "Naam", en: "Name" },
  "auth.email": { nl: "E-mailadres", en: "E-mail address" },
  "auth.password": { nl: "Wachtwoord", en: "Password" },
  "auth.newPassword": { nl: "Nieuw wachtwoord", en: "New password" },
  "auth.confirmPassword": { nl: "Herhaal het wachtwoord", en: "Repeat the password" },
  "auth.passwordHelp": {
    nl: "Minstens 10 tekens. Een zin van een paar woorden is sterk en goed te onthouden.",
    en: "At least 10 characters. A sentence of a few words is strong and easy to remember.",
  },
  "auth.passwordMismatch": { nl: "De twee wachtwoorden zijn niet gelijk.", en: "The two passwords are not the same." },

  // Login
  "auth.login.title": { nl: "Inloggen", en: "Log in" },
  "auth.login.intro": {
    nl: "Log in met het e-mailadres en wachtwoord van uw Kapittel-account.",
    en: "Log in with the e-mail address and password of your Kapittel account.",
  },
  "auth.login.submit": { nl: "Inloggen", en: "Log in" },
  "auth.login.invalid": { nl: "E-mailadres of wachtwoord klopt niet.", en: "E-mail address or password is incorrect." },
  "auth.login.tooManyAttempts": {
    nl: "Te veel mislukte inlogpogingen. Probeer het over {seconds} seconden opnieuw.",
    en: "Too many failed login attempts. Try again in {seconds} seconds.",
  },
  "auth.login.forgotPassword": { nl: "Wachtwoord vergeten?", en: "Forgot your password?" },
  "auth.login.noAccount": { nl: "Nog geen account?", en: "No account yet?" },
  "auth.login.registerLink": { nl: "Registreer als lezer", en: "Register as a reader" },

  // Register
  "auth.register.title": { nl: "Registreren", en: "Register" },
  "auth.register.intro": {
    nl: "Maak een lezersaccount aan. Partners en redacteuren krijgen een uitnodiging per e-mail.",
    en: "Create a reader account. Partners and editors receive an invitation by e-mail.",
  },
  "auth.register.submit": { nl: "Account aanmaken", en: "Create account" },
  "auth.register.emailTaken": {
    nl: "Er is al een account met dit e-mailadres. Log in, of vraag een nieuw wachtwoord aan.",
    en: "There already is an account with this e-mail address. Log in, or request a new password.",
  },
  "auth.register.haveAccount": { nl: "Hebt u al een account?", en: "Already have an account?" },
  "auth.register.loginLink": { nl: "Log in", en: "Log in" },

  // Forgotten password
  "auth.forgot.title": { nl: "Wachtwoord vergeten", en: "Forgot your password" },
  "auth.forgot.intro": {
    nl: "Vul het e-mailadres van uw account in. We sturen u een link waarmee u een nieuw wachtwoord instelt.",
    en: "Enter the e-mail address of your account. We will send you a link to set a new password.",
  },
  "auth.forgot.submit": { nl: "Stuur de link", en: "Send the link" },
  "auth.forgot.sent": {
    nl: "Als er een account bij dit adres hoort, hebben we een e-mail gestuurd met een link om een nieuw wachtwoord in te stellen. De link werkt één uur.",
    en: "If an account belongs to this address, we have sent an e-mail with a link to set a new password. The link works for one hour.",
  },
  "auth.forgot.backToLogin": { nl: "Terug naar inloggen", en: "Back to log in" },

  // Setting a new password from a reset link
  "auth.reset.title": { nl: "Nieuw wachtwoord instellen", en: "Set a new password" },
  "auth.reset.intro": { nl: "Kies een nieuw wachtwoord voor {email}.", en: "Choose a new password for {email}." },
  "auth.reset.submit": { nl: "Wachtwoord opslaan", en: "Save password" },
  "auth.reset.invalid.title": { nl: "Deze link werkt niet meer", en: "This link no longer works" },
  "auth.reset.invalid.text": {
    nl: "De link om een nieuw wachtwoord in te stellen is onbekend, verlopen of al gebruikt. Een link werkt één uur, en maar één keer.",
    en: "The link to set a new password is unknown, has expired or has already been used. A link works for one hour, and only once.",
  },
  "auth.reset.invalid.requestNew": { nl: "Vraag een nieuwe link aan", en: "Request a new link" },
  "auth.resetEmail.subject": { nl: "Nieuw wachtwoord instellen voor Kapittel", en: "Set a new password for Kapittel" },
  "auth.resetEmail.text": {
    nl: "Beste {name},\n\nIemand (hopelijk u) heeft gevraagd om een nieuw wachtwoord voor uw Kapittel-account. Via deze link stelt u een nieuw wachtwoord in:\n\n{link}\n\nDe link werkt één uur, en maar één keer. Hebt u dit niet gevraagd? Dan kunt u dit bericht negeren; uw wachtwoord blijft zoals het is.\n\nMet vriendelijke groet,\nKapittel",
    en: "Dear {name},\n\nSomeone (hopefully you) asked for a new password for your Kapittel account. Use this link to set a new password:\n\n{link}\n\nThe link works for one hour, and only once. Did you not ask for this? Then you can ignore this message; your password stays as it is.\n\nKind regards,\nKapittel",
  },

  // Account page
  "account.title": { nl: "Mijn account", en: "My account" },
  "account.details": { nl: "Uw gegevens", en: "Your details" },
  "account.role": { nl: "Rol", en: "Role" },
  "account.role.reader": { nl: "Lezer", en: "Reader" },
  "account.role.author": { nl: "Auteur", en: "Author" },
  "account.role.editor": { nl: "Redacteur", en: "Editor" },
  "account.role.admin": { nl: "Beheerder", en: "Administrator" },
  "account.organisations": { nl: "Organisaties", en: "Organisations" },
  "account.noOrganisations": { nl: "U bent geen lid van een organisatie.", en: "You are not a member of any organisation." },
  "account.name.title": { nl: "Naam wijzigen", en: "Change your name" },
  "account.name.submit": { nl: "Naam opslaan", en: "Save name" },
  "account.name.saved": { nl: "Uw naam is opgeslagen.", en: "Your name has been saved." },
  "account.password.title": { nl: "Wachtwoord wijzigen", en: "Change your password" },
  "account.password.intro": {
    nl: "Na het wijzigen bent u op alle andere apparaten uitgelogd.",
    en: "After the change you are logged out on all other devices.",
  },
  "account.password.current": { nl: "Huidig wachtwoord", en: "Current password" },
  "account.password.wrongCurrent": { nl: "Het huidige wachtwoord klopt niet.", en: "The current password is incorrect." },
  "account.password.submit": { nl: "Wachtwoord wijzigen", en: "Change password" },
  "account.unknownIntent": {
    nl: "Deze handeling kennen we niet. Laad de pagina opnieuw en probeer het nog eens.",
    en: "We do not know this action. Reload the page and try again.",
  },
  "account.password.changed": {
    nl: "Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.",
    en: "Your password has been changed. You have been logged out on other devices.",
  },
} satisfies MessageSection;
