import type { MessageSection } from "../locales.ts";

/** The knowledge platform's partner pages. */
export const partners = {
  "partners.nav": { nl: "Partners", en: "Partners" },
  "partners.title": { nl: "Partners", en: "Partners" },
  "partners.intro": {
    nl: "Gemeenten, provincies, bedrijven en kennisinstellingen die samen het boek schrijven en de instrumenten ontwikkelen.",
    en: "Municipalities, provinces, companies and knowledge institutions that write the book and develop the instruments together.",
  },
  "partners.chapters": { nl: "Hoofdstukken", en: "Chapters" },
  "partners.noChapters": { nl: "Nog geen gepubliceerde hoofdstukken.", en: "No published chapters yet." },
  "partners.tools": { nl: "Tools in de gereedschapskist", en: "Tools in the toolbox" },
  "partners.website": { nl: "Website", en: "Website" },
  "partners.back": { nl: "Alle partners", en: "All partners" },
} as const satisfies MessageSection;

/** The "Partner worden" page (partnership offer from the programme page, and the interest form). */
export const partnership = {
  "partnership.nav": { nl: "Partner worden", en: "Become a partner" },
  "partnership.title": { nl: "Partner worden", en: "Become a partner" },
  "partnership.intro": {
    nl: "Schrijf mee aan het boek en ontwikkel samen met gemeenten, provincies, bedrijven en kennisinstellingen de kennis over slim besturen.",
    en: "Write the book with us and build the knowledge of smart governance together with municipalities, provinces, companies and knowledge institutions.",
  },
  "partnership.phases.title": { nl: "Zo werken we", en: "How we work" },
  "partnership.phases.research": {
    nl: "Tot de zomer onderzoeken we samen hoe besluitvorming verandert en welke principes daarachter zitten.",
    en: "Until the summer we explore together how decision-making changes and which principles lie behind it.",
  },
  "partnership.phases.writing": {
    nl: "In de zomer schrijven we samen het boek; elke partner mag een bijdrage leveren.",
    en: "In the summer we write the book together; every partner may contribute.",
  },
  "partnership.phases.presenting": {
    nl: "In het najaar presenteren we het boek en de vervolgstappen.",
    en: "In the autumn we present the book and the next steps.",
  },
  "partnership.events": {
    nl: "Elke maand organiseren we ten minste één bijeenkomst: soms alleen voor partners, soms open voor iedereen.",
    en: "Every month we organise at least one event: some for partners only, some open to everyone.",
  },
  "partnership.offer.title": { nl: "Wat het u oplevert en wat we vragen", en: "What you get and what we ask" },
  "partnership.offer.network": {
    nl: "U wordt onderdeel van een actief publiek-privaat netwerk van koplopers in digitalisering van de stad.",
    en: "You join an active public-private network of frontrunners in the digitalisation of the city.",
  },
  "partnership.offer.knowledge": {
    nl: "U ontwikkelt kennis die u direct in uw eigen organisatie toepast.",
    en: "You build knowledge you apply in your own organisation straight away.",
  },
  "partnership.offer.article": {
    nl: "U mag artikelen schrijven in het boek (niet verplicht).",
    en: "You may write articles in the book (not required).",
  },
  "partnership.offer.fee": {
    nl: "Een partnerschap kost tussen € 7.500 en € 12.500 (excl. btw); u kiest zelf het bedrag. Kiest u niet, dan gaan we uit van € 9.000.",
    en: "A partnership costs between € 7,500 and € 12,500 (excl. VAT); you choose the amount. If you do not choose, we assume € 9,000.",
  },
  "partnership.form.title": { nl: "Interesse? Laat het ons weten", en: "Interested? Let us know" },
  "partnership.form.organisation": { nl: "Organisatie", en: "Organisation" },
  "partnership.form.name": { nl: "Uw naam", en: "Your name" },
  "partnership.form.email": { nl: "E-mailadres", en: "E-mail address" },
  "partnership.form.message": { nl: "Bericht (optioneel)", en: "Message (optional)" },
  "partnership.form.submit": { nl: "Verstuur", en: "Send" },
  "partnership.form.sent": {
    nl: "Dank u! We nemen contact met u op over het partnerschap.",
    en: "Thank you! We will contact you about the partnership.",
  },
  "partnership.error.tooLong": { nl: "Dit is te lang.", en: "This is too long." },
} as const satisfies MessageSection;
