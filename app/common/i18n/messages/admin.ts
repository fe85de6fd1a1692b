import type { MessageSection } from "../locales.ts";

/** The admin area (organisations, members, invitations, outbox) and accepting an invitation. */
export const admin = {
  // Organisations: kinds and tiers (app/common/organisations.ts)
  "organisation.kind.municipality": { nl: "Gemeente", en: "Municipality" },
  "organisation.kind.province": { nl: "Provincie", en: "Province" },
  "organisation.kind.company": { nl: "Bedrijf", en: "Company" },
  "organisation.kind.knowledge_institute": { nl: "Kennisinstelling", en: "Knowledge institute" },
  "organisation.tier.premium": { nl: "Premium partner", en: "Premium partner" },
  "organisation.tier.partner": { nl: "Partner", en: "Partner" },

  // Organisation fields, shared by the create and edit forms and the list
  "organisation.name": { nl: "Naam", en: "Name" },
  "organisation.slug": { nl: "Korte naam", en: "Short name" },
  "organisation.slugHelp": {
    nl: "Kleine letters, cijfers en streepjes, bijvoorbeeld gemeente-amersfoort. Laat leeg om hem uit de naam te maken.",
    en: "Lower-case letters, digits and hyphens, for example gemeente-amersfoort. Leave empty to make it from the name.",
  },
  "organisation.kind": { nl: "Soort organisatie", en: "Kind of organisation" },
  "organisation.tier": { nl: "Partnerschap", en: "Partnership" },
  "organisation.fee": { nl: "Partnerfee (euro, excl. btw)", en: "Partnership fee (euro, excl. VAT)" },
  "organisation.feeShort": { nl: "Fee", en: "Fee" },
  "organisation.feeHelp": {
    nl: "Een heel bedrag zonder punt, bijvoorbeeld 9000. Laat leeg als er geen fee is afgesproken.",
    en: "A whole amount without separators, for example 9000. Leave empty when no fee has been agreed.",
  },
  "organisation.feePaid": { nl: "Fee betaald", en: "Fee paid" },
  "organisation.feeStatus": { nl: "Betaald?", en: "Paid?" },
  "organisation.feeStatus.paid": { nl: "Betaald", en: "Paid" },
  "organisation.feeStatus.unpaid": { nl: "Niet betaald", en: "Not paid" },
  "organisation.feeStatus.none": { nl: "Geen fee", en: "No fee" },
  "organisation.description": { nl: "Beschrijving", en: "Description" },
  "organisation.website": { nl: "Website", en: "Website" },
  "organisation.websiteHelp": {
    nl: "Het volledige adres, beginnend met https://. Mag leeg blijven.",
    en: "The full address, starting with https://. May be left empty.",
  },
  "organisation.members": { nl: "Leden", en: "Members" },
  "organisation.none": { nl: "—", en: "—" },

  // Organisation validation (keep the amounts in step with PARTNERSHIP_FEE_MIN_EUR/MAX_EUR; a test checks)
  "organisation.slug.invalid": {
    nl: "Gebruik alleen kleine letters, cijfers en losse streepjes (niet aan het begin of eind).",
    en: "Use only lower-case letters, digits and single hyphens (not at the start or end).",
  },
  "organisation.slug.taken": {
    nl: "Deze korte naam is al in gebruik bij een andere organisatie. Kies een andere.",
    en: "Another organisation already uses this short name. Choose another one.",
  },
  "organisation.fee.range": {
    nl: "De partnerfee is een heel bedrag tussen € 7.500 en € 12.500, of leeg.",
    en: "The partnership fee is a whole amount between €7,500 and €12,500, or empty.",
  },
  "organisation.fee.notANumber": {
    nl: "Vul het bedrag in cijfers in, zonder punt of euroteken, bijvoorbeeld 9000.",
    en: "Enter the amount in digits, without separators or euro sign, for example 9000.",
  },
  "organisation.website.invalid": {
    nl: "Vul een volledig webadres in dat begint met https:// of http://, of laat het veld leeg.",
    en: "Enter a full web address starting with https:// or http://, or leave the field empty.",
  },

  // The admin area: layout and navigation
  "admin.title": { nl: "Beheer", en: "Admin" },
  "admin.nav.label": { nl: "Onderdelen van beheer", en: "Admin sections" },
  "admin.nav.overview": { nl: "Overzicht", en: "Overview" },
  "admin.nav.organisations": { nl: "Organisaties", en: "Organisations" },
  "admin.nav.members": { nl: "Leden", en: "Members" },
  "admin.nav.invitations": { nl: "Uitnodigingen", en: "Invitations" },
  "admin.nav.outbox": { nl: "Uitgaande e-mail", en: "Outgoing e-mail" },
  "admin.readOnly": {
    nl: "U kunt deze gegevens bekijken; alleen een beheerder kan ze wijzigen.",
    en: "You can view these details; only an administrator can change them.",
  },
  "admin.unknownIntent": {
    nl: "Deze handeling kennen we niet. Laad de pagina opnieuw en probeer het nog eens.",
    en: "We do not know this action. Reload the page and try again.",
  },
  "admin.actions": { nl: "Acties", en: "Actions" },

  // Overview
  "admin.overview.intro.admin": {
    nl: "Hier beheert u de partnerorganisaties, de mensen met een account, de uitnodigingen en de uitgaande e-mail.",
    en: "Here you manage the partner organisations, the people with an account, the invitations and the outgoing e-mail.",
  },
  "admin.overview.intro.editor": {
    nl: "Hier ziet u de partnerorganisaties en de mensen met een account, en nodigt u auteurs en redacteuren uit. Wijzigen doet een beheerder.",
    en: "Here you see the partner organisations and the people with an account, and invite authors and editors. An administrator makes changes.",
  },
  "admin.overview.organisations": { nl: "Organisaties", en: "Organisations" },
  "admin.overview.organisationCount": { nl: "Partnerorganisaties", en: "Partner organisations" },
  "admin.overview.feesPaid": { nl: "Fee betaald", en: "Fee paid" },
  "admin.overview.feesPaidValue": { nl: "{paid} van {withFee}", en: "{paid} of {withFee}" },
  "admin.overview.feeTotal": { nl: "Afgesproken fees", en: "Agreed fees" },
  "admin.overview.feeOutstanding": { nl: "Nog te ontvangen", en: "Still to receive" },
  "admin.overview.people": { nl: "Mensen", en: "People" },
  "admin.overview.invitations": { nl: "Uitnodigingen", en: "Invitations" },
  "admin.overview.openInvitations": { nl: "Open uitnodigingen", en: "Open invitations" },
  "admin.overview.outbox": { nl: "Uitgaande e-mail", en: "Outgoing e-mail" },
  "admin.overview.outboxPending": { nl: "Wacht op verzending", en: "Waiting to be sent" },
  "admin.overview.outboxFailed": { nl: "Niet te bezorgen", en: "Could not be delivered" },
  "admin.overview.goTo": { nl: "Naar {section}", en: "Go to {section}" },

  // Organisations: list
  "admin.organisations.title": { nl: "Organisaties", en: "Organisations" },
  "admin.organisations.intro": {
    nl: "De partners van het programma, hun partnerschap en de mensen die namens hen schrijven.",
    en: "The programme's partners, their partnership and the people who write on their behalf.",
  },
  "admin.organisations.caption": { nl: "Partnerorganisaties", en: "Partner organisations" },
  "admin.organisations.new": { nl: "Nieuwe organisatie", en: "New organisation" },
  "admin.organisations.empty": { nl: "Er zijn nog geen organisaties.", en: "There are no organisations yet." },
  "admin.organisations.totals": {
    nl: "Afgesproken fees: {total}, waarvan betaald: {paid}.",
    en: "Agreed fees: {total}, of which paid: {paid}.",
  },

  // Organisations: create and edit
  "admin.organisationNew.title": { nl: "Nieuwe organisatie", en: "New organisation" },
  "admin.organisationNew.intro": {
    nl: "Leg een partnerorganisatie vast. Daarna voegt u leden toe of nodigt u auteurs uit.",
    en: "Record a partner organisation. Then add members or invite authors.",
  },
  "admin.organisationNew.submit": { nl: "Organisatie aanmaken", en: "Create organisation" },
  "admin.organisation.back": { nl: "Terug naar de organisaties", en: "Back to the organisations" },
  "admin.organisation.details": { nl: "Gegevens", en: "Details" },
  "admin.organisation.submit": { nl: "Wijzigingen opslaan", en: "Save changes" },
  "admin.organisation.created": { nl: "De organisatie is aangemaakt.", en: "The organisation has been created." },
  "admin.organisation.saved": { nl: "De wijzigingen zijn opgeslagen.", en: "The changes have been saved." },
  "admin.organisation.noWebsite": { nl: "Geen website opgegeven", en: "No website given" },
  "admin.organisation.noDescription": { nl: "Geen beschrijving", en: "No description" },

  // Organisations: logo (shown on the partner pages and in the book's partner list)
  "admin.organisation.logo.title": { nl: "Logo", en: "Logo" },
  "admin.organisation.logo.none": { nl: "Nog geen logo", en: "No logo yet" },
  "admin.organisation.logo.file": { nl: "Logobestand", en: "Logo file" },
  "admin.organisation.logo.help": {
    nl: "PNG, JPEG, WebP of GIF, ten hoogste 5 MB; liefst liggend met een transparante of witte achtergrond.",
    en: "PNG, JPEG, WebP or GIF, at most 5 MB; preferably landscape on a transparent or white background.",
  },
  "admin.organisation.logo.upload": { nl: "Logo uploaden", en: "Upload logo" },
  "admin.organisation.logo.remove": { nl: "Logo verwijderen", en: "Remove logo" },
  "admin.organisation.logo.saved": { nl: "Het logo is opgeslagen.", en: "The logo has been saved." },
  "admin.organisation.logo.removed": { nl: "Het logo is verwijderd.", en: "The logo has been removed." },
  "admin.organisation.logo.missing": { nl: "Kies een afbeelding om te uploaden.", en: "Choose an image to upload." },
  "admin.organisation.logo.tooLarge": { nl: "De afbeelding is groter dan 5 MB.", en: "The image is larger than 5 MB." },
  "admin.organisation.logo.wrongType": {
    nl: "Dit bestand is geen PNG-, JPEG-, WebP- of GIF-afbeelding.",
    en: "This file is not a PNG, JPEG, WebP or GIF image.",
  },

  // Organisations: members
  "admin.organisation.members.caption": { nl: "Leden van {name}", en: "Members of {name}" },
  "admin.organisation.members.empty": {
    nl: "Nog niemand schrijft namens deze organisatie.",
    en: "Nobody writes on behalf of this organisation yet.",
  },
  "admin.organisation.members.remove": { nl: "Verwijderen", en: "Remove" },
  "admin.organisation.members.removeLabel": {
    nl: "{name} verwijderen uit {organisation}",
    en: "Remove {name} from {organisation}",
  },
  "admin.organisation.members.removed": {
    nl: "Het lidmaatschap is beëindigd. Het account zelf bestaat nog.",
    en: "The membership has ended. The account itself still exists.",
  },
  "admin.organisation.addMember.title": { nl: "Bestaand account toevoegen", en: "Add an existing account" },
  "admin.organisation.addMember.email": { nl: "E-mailadres van het account", en: "E-mail address of the account" },
  "admin.organisation.addMember.help": {
    nl: "Heeft deze persoon nog geen account? Stuur dan een uitnodiging.",
    en: "Does this person not have an account yet? Then send an invitation.",
  },
  "admin.organisation.addMember.submit": { nl: "Toevoegen als lid", en: "Add as member" },
  "admin.organisation.addMember.added": { nl: "Het lid is toegevoegd.", en: "The member has been added." },
  "admin.organisation.addMember.readerNote": {
    nl: "Let op: dit account heeft de rol lezer. Zet de rol bij Leden op auteur, zodat deze persoon kan meeschrijven.",
    en: "Note: this account has the reader role. Set the role to author under Members so this person can write along.",
  },
  "admin.organisation.addMember.noAccount": {
    nl: "Er is geen account met dit e-mailadres. Nodig deze persoon uit via Uitnodigingen.",
    en: "There is no account with this e-mail address. Invite this person under Invitations.",
  },
  "admin.organisation.addMember.alreadyMember": {
    nl: "Dit account is al lid van deze organisatie.",
    en: "This account already is a member of this organisation.",
  },

  // Members (all accounts)
  "admin.members.title": { nl: "Leden", en: "Members" },
  "admin.members.intro": {
    nl: "Iedereen met een account: lezers, auteurs, redacteuren en beheerders, en de organisaties waarvoor zij schrijven.",
    en: "Everyone with an account: readers, authors, editors and administrators, and the organisations they write for.",
  },
  "admin.members.caption": { nl: "Alle accounts", en: "All accounts" },
  "admin.members.name": { nl: "Naam", en: "Name" },
  "admin.members.email": { nl: "E-mailadres", en: "E-mail address" },
  "admin.members.role": { nl: "Rol", en: "Role" },
  "admin.members.organisations": { nl: "Organisaties", en: "Organisations" },
  "admin.members.you": { nl: "(u)", en: "(you)" },
  "admin.members.roleOf": { nl: "Rol van {name}", en: "Role of {name}" },
  "admin.members.changeRole": { nl: "Rol wijzigen", en: "Change role" },
  "admin.members.changeRoleOf": { nl: "Rol van {name} wijzigen", en: "Change the role of {name}" },
  "admin.members.roleChanged": { nl: "De rol is gewijzigd.", en: "The role has been changed." },
  "admin.members.ownRole": {
    nl: "U kunt uw eigen rol niet wijzigen; vraag dat een andere beheerder. Zo blijft er altijd een beheerder.",
    en: "You cannot change your own role; ask another administrator. That way there is always an administrator.",
  },
  "admin.members.unknownUser": {
    nl: "Dit account bestaat niet meer. Laad de pagina opnieuw.",
    en: "This account no longer exists. Reload the page.",
  },
  "admin.members.empty": { nl: "Er zijn nog geen accounts.", en: "There are no accounts yet." },

  // Invitations (admin page)
  "admin.invitations.title": { nl: "Uitnodigingen", en: "Invitations" },
  "admin.invitations.intro": {
    nl: "Nodig een auteur van een partnerorganisatie of een redacteur uit. De uitnodiging gaat per e-mail; de link werkt zeven dagen en maar één keer.",
    en: "Invite an author from a partner organisation or an editor. The invitation goes by e-mail; the link works for seven days, and only once.",
  },
  "admin.invitations.new": { nl: "Iemand uitnodigen", en: "Invite someone" },
  "admin.invitations.replaceNote": {
    nl: "Nodigt u een adres opnieuw uit, dan vervalt de vorige, nog open uitnodiging.",
    en: "Inviting an address again voids its previous, still open invitation.",
  },
  "admin.invitations.submit": { nl: "Uitnodiging versturen", en: "Send invitation" },
  "admin.invitations.sent": {
    nl: "De uitnodiging staat klaar in de uitgaande e-mail en wordt verstuurd.",
    en: "The invitation is in the outgoing e-mail and will be sent.",
  },
  "admin.invitations.caption": { nl: "Verstuurde uitnodigingen", en: "Invitations sent" },
  "admin.invitations.empty": { nl: "Er zijn nog geen uitnodigingen verstuurd.", en: "No invitations have been sent yet." },
  "admin.invitations.invitedBy": { nl: "Uitgenodigd door", en: "Invited by" },
  "admin.invitations.sentAt": { nl: "Verstuurd", en: "Sent" },
  "admin.invitations.status": { nl: "Status", en: "Status" },
  "admin.invitations.revoke": { nl: "Intrekken", en: "Revoke" },
  "admin.invitations.revokeLabel": { nl: "Uitnodiging aan {email} intrekken", en: "Revoke the invitation to {email}" },
  "admin.invitations.revoked": {
    nl: "De uitnodiging is ingetrokken; de link werkt niet meer.",
    en: "The invitation has been revoked; the link no longer works.",
  },
  "admin.invitations.notOpen": {
    nl: "Deze uitnodiging was al gebruikt, verlopen of ingetrokken.",
    en: "This invitation had already been used, had expired or was revoked.",
  },

  // Invitation fields and states
  "invitation.email": { nl: "E-mailadres", en: "E-mail address" },
  "invitation.role": { nl: "Rol", en: "Role" },
  "invitation.role.author": { nl: "Auteur namens een partnerorganisatie", en: "Author for a partner organisation" },
  "invitation.role.editor": { nl: "Redacteur", en: "Editor" },
  "invitation.organisation": { nl: "Organisatie", en: "Organisation" },
  "invitation.organisationChoose": { nl: "Kies een organisatie", en: "Choose an organisation" },
  "invitation.organisationHelp": {
    nl: "De organisatie waarvoor de auteur schrijft. Een redacteur hoort bij geen organisatie.",
    en: "The organisation the author writes for. An editor belongs to no organisation.",
  },
  "invitation.organisationRequired": {
    nl: "Kies de organisatie waarvoor deze auteur schrijft.",
    en: "Choose the organisation this author writes for.",
  },
  "invitation.unknownOrganisation": {
    nl: "Deze organisatie bestaat niet meer. Laad de pagina opnieuw en kies opnieuw.",
    en: "This organisation no longer exists. Reload the page and choose again.",
  },
  "invitation.accountExists": {
    nl: "Er is al een account met dit e-mailadres, dus een uitnodiging is niet nodig. Een beheerder kan dit account aan een organisatie toevoegen of de rol wijzigen.",
    en: "There already is an account with this e-mail address, so no invitation is needed. An administrator can add this account to an organisation or change its role.",
  },
  "invitation.state.open": { nl: "Open tot {date}", en: "Open until {date}" },
  "invitation.state.accepted": { nl: "Aanvaard op {date}", en: "Accepted on {date}" },
  "invitation.state.expired": { nl: "Verlopen op {date}", en: "Expired on {date}" },
  "invitation.state.revoked": { nl: "Ingetrokken op {date}", en: "Revoked on {date}" },

  // The invitation e-mail (always Dutch: we do not know the recipient's language)
  "invitation.email.subject": { nl: "Uitnodiging voor Kapittel", en: "Invitation to Kapittel" },
  "invitation.email.from": { nl: "{name} ({organisation})", en: "{name} ({organisation})" },
  "invitation.email.author": {
    nl: "Goedendag,\n\n{from} nodigt u uit om als auteur namens {organisation} mee te schrijven aan Kapittel, het platform waarop de partners en de redactie samen aan het boek werken.\n\nMaak via deze link uw account aan:\n\n{link}\n\nDe link werkt tot en met {expires}, en maar één keer. Werkt hij niet meer? Vraag {inviter} dan om een nieuwe uitnodiging.\n\nMet vriendelijke groet,\nKapittel",
    en: "Hello,\n\n{from} invites you to write for Kapittel as an author on behalf of {organisation}; Kapittel is the platform where the partners and the editors work on the book together.\n\nCreate your account with this link:\n\n{link}\n\nThe link works until {expires}, and only once. Does it no longer work? Then ask {inviter} for a new invitation.\n\nKind regards,\nKapittel",
  },
  "invitation.email.editor": {
    nl: "Goedendag,\n\n{from} nodigt u uit als redacteur van Kapittel, het platform waarop de partners en de redactie samen aan het boek werken.\n\nMaak via deze link uw account aan:\n\n{link}\n\nDe link werkt tot en met {expires}, en maar één keer. Werkt hij niet meer? Vraag {inviter} dan om een nieuwe uitnodiging.\n\nMet vriendelijke groet,\nKapittel",
    en: "Hello,\n\n{from} invites you to join Kapittel as an editor; Kapittel is the platform where the partners and the editors work on the book together.\n\nCreate your account with this link:\n\n{link}\n\nThe link works until {expires}, and only once. Does it no longer work? Then ask {inviter} for a new invitation.\n\nKind regards,\nKapittel",
  },

  // Accepting an invitation
  "invitation.accept.title": { nl: "Uw account aanmaken", en: "Create your account" },
  "invitation.accept.author": {
    nl: "{inviter} nodigt u uit om als auteur namens {organisation} mee te schrijven aan Kapittel.",
    en: "{inviter} invites you to write for Kapittel as an author on behalf of {organisation}.",
  },
  "invitation.accept.editor": {
    nl: "{inviter} nodigt u uit als redacteur van Kapittel.",
    en: "{inviter} invites you to join Kapittel as an editor.",
  },
  "invitation.accept.account": {
    nl: "Uw account komt op {email}. De uitnodiging werkt tot en met {expires}.",
    en: "Your account will use {email}. The invitation works until {expires}.",
  },
  "invitation.accept.submit": { nl: "Account aanmaken en inloggen", en: "Create account and log in" },
  "invitation.invalid.unknown.title": { nl: "Deze uitnodiging kennen we niet", en: "We do not know this invitation" },
  "invitation.invalid.unknown.text": {
    nl: "Controleer of u de hele link uit de e-mail hebt gebruikt; soms breekt een mailprogramma hem af. Werkt hij dan nog niet, vraag de redactie om een nieuwe uitnodiging.",
    en: "Check that you used the whole link from the e-mail; some mail programs break it up. If it still does not work, ask the editors for a new invitation.",
  },
  "invitation.invalid.expired.title": { nl: "Deze uitnodiging is verlopen", en: "This invitation has expired" },
  "invitation.invalid.expired.text": {
    nl: "Een uitnodiging werkt zeven dagen, en deze is op {date} verlopen. Vraag {inviter} of de redactie om een nieuwe uitnodiging; u krijgt dan een nieuwe link per e-mail.",
    en: "An invitation works for seven days, and this one expired on {date}. Ask {inviter} or the editors for a new invitation; you will then receive a new link by e-mail.",
  },
  "invitation.invalid.revoked.title": { nl: "Deze uitnodiging is ingetrokken", en: "This invitation has been revoked" },
  "invitation.invalid.revoked.text": {
    nl: "De redactie heeft deze uitnodiging ingetrokken, of er is een nieuwere uitnodiging naar u gestuurd. Gebruik de link uit de nieuwste e-mail, of vraag {inviter} of de redactie om een nieuwe uitnodiging.",
    en: "The editors have revoked this invitation, or a newer invitation was sent to you. Use the link from the newest e-mail, or ask {inviter} or the editors for a new invitation.",
  },
  "invitation.invalid.accepted.title": { nl: "Deze uitnodiging is al gebruikt", en: "This invitation has already been used" },
  "invitation.invalid.accepted.text": {
    nl: "Met deze link is al een account aangemaakt; een uitnodiging werkt maar één keer. Log in met het e-mailadres en wachtwoord van dat account. Was u dat niet? Vraag de redactie dan om een nieuwe uitnodiging.",
    en: "An account has already been created with this link; an invitation works only once. Log in with the e-mail address and password of that account. Was that not you? Then ask the editors for a new invitation.",
  },
  "invitation.invalid.account-exists.title": { nl: "U hebt al een account", en: "You already have an account" },
  "invitation.invalid.account-exists.text": {
    nl: "Er bestaat al een account met dit e-mailadres, dus deze uitnodiging is niet meer nodig. Log in met dat account, en vraag de redactie zo nodig om u aan de organisatie toe te voegen.",
    en: "An account with this e-mail address already exists, so this invitation is no longer needed. Log in with that account, and ask the editors to add you to the organisation if needed.",
  },
  "invitation.invalid.login": { nl: "Naar inloggen", en: "Go to log in" },
  "invitation.invalid.home": { nl: "Naar de homepage", en: "Go to the home page" },

  // Outgoing e-mail
  "admin.outbox.title": { nl: "Uitgaande e-mail", en: "Outgoing e-mail" },
  "admin.outbox.intro": {
    nl: "Elke e-mail die Kapittel verstuurt, komt eerst hier te staan. Zonder SMTP-instelling blijft een bericht hier; u kunt de tekst dan zelf doorsturen.",
    en: "Every e-mail Kapittel sends is stored here first. Without an SMTP setting a message stays here; you can then forward the text yourself.",
  },
  "admin.outbox.caption": { nl: "De nieuwste {count} berichten", en: "The newest {count} messages" },
  "admin.outbox.empty": { nl: "Er zijn nog geen berichten.", en: "There are no messages yet." },
  "admin.outbox.to": { nl: "Aan", en: "To" },
  "admin.outbox.subject": { nl: "Onderwerp", en: "Subject" },
  "admin.outbox.kind": { nl: "Soort", en: "Kind" },
  "admin.outbox.createdAt": { nl: "Aangemaakt", en: "Created" },
  "admin.outbox.status": { nl: "Bezorging", en: "Delivery" },
  "admin.outbox.sent": { nl: "Verstuurd op {date}", en: "Sent on {date}" },
  "admin.outbox.pending": { nl: "Wacht op verzending", en: "Waiting to be sent" },
  "admin.outbox.attempts": { nl: "{count} mislukte poging(en)", en: "{count} failed attempt(s)" },
  "admin.outbox.gaveUp": {
    nl: "Niet te bezorgen na {count} pogingen",
    en: "Could not be delivered after {count} attempts",
  },
  "admin.outbox.lastError": { nl: "Laatste fout: {error}", en: "Last error: {error}" },
  "admin.outbox.showText": { nl: "Tekst tonen", en: "Show text" },
  "admin.outbox.textOf": { nl: "Tekst van het bericht aan {to}", en: "Text of the message to {to}" },
  "admin.outbox.kind.invitation": { nl: "Uitnodiging", en: "Invitation" },
  "admin.outbox.kind.password-reset": { nl: "Wachtwoord herstellen", en: "Password reset" },
} satisfies MessageSection;
