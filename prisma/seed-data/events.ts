/**
 * Demo events for the knowledge platform (issue #8), drawn from the seed pages: the workshop
 * "Aan de slag met Smart & Leefbaar" with its presentations, the INNOvember session on national
 * smart-city policy, and the monthly meetings of the project "Slim besturen" with its partners.
 * Dates are relative to the day the demo is loaded, so there are always past and upcoming events.
 * Speakers are demo organisations (by slug); no person's contact details.
 */
import type { EventKind } from "#app/common/events.ts";

export type DemoEvent = {
  slug: string;
  title: string;
  kind: EventKind;
  summary: string;
  /** Paragraphs and lists of the programme: a string is a paragraph, an array a bullet list. */
  programme: (string | string[])[];
  /** Days from the day the demo is loaded (negative: in the past), and Dutch wall-clock times. */
  dayOffset: number;
  start: string;
  end: string;
  location: string;
  onlineUrl: string | null;
  capacity: number | null;
  speakers: { organisation: string; topic: string }[];
  /** Titles of presentations to attach (each a small generated PDF). */
  presentations: string[];
  /** Demo registrations: this many registered, this many on the waiting list. */
  registered: number;
  waitlisted: number;
};

export const DEMO_EVENTS: DemoEvent[] = [
  {
    slug: "aan-de-slag-met-smart-en-leefbaar",
    title: "Workshop: Aan de slag met ‘Smart & Leefbaar’",
    kind: "workshop",
    summary: "Zo borg je belangen in de digitaliserende gemeente: een workshop voor professionals van gemeenten en andere overheden.",
    programme: [
      "Onze steden en dorpen worden smart en daar moeten we ook politieke keuzes over maken. Hoe geef je invulling aan de smart city in je gemeente én borg je tegelijk publieke belangen als privacy, veiligheid, rechtvaardigheid en autonomie?",
      ["Welkom en inleiding: hoe wordt de stad slim en blijft ze leefbaar?", "Waarom de overheid nu aan de slag moet, met de ervaringen van Amersfoort", "Belangen borgen: juridische kaders voor de digitaliserende gemeente", "De kaders gebruiken om de lokale economie te versterken", "Gesprek in groepen en afsluiting"],
      "Na afloop staan de presentaties hieronder om te downloaden.",
    ],
    dayOffset: -75,
    start: "13:30",
    end: "17:00",
    location: "Stadhuis Amersfoort, Stadhuisplein 1, Amersfoort",
    onlineUrl: null,
    capacity: 30,
    speakers: [
      { organisation: "gemeente-amersfoort", topic: "Waarom de overheid nu aan de slag moet (en hoe dat uitpakt in Amersfoort)" },
      { organisation: "kennedy-van-der-laan", topic: "Smart & Leefbaar: hoe borg je belangen in de digitaliserende gemeente" },
    ],
    presentations: [
      "Smart? City! (en community): hoe wordt de stad slim en blijft ze leefbaar",
      "Waarom de overheid nu aan de slag moet (en hoe dat uitpakt in Amersfoort)",
      "Smart & Leefbaar: hoe borg je belangen in de digitaliserende gemeente",
    ],
    registered: 28,
    waitlisted: 0,
  },
  {
    slug: "innovember-rijksbreed-beleid-op-smart-city",
    title: "INNOvember: Rijksbreed beleid op smart city?",
    kind: "workshop",
    summary: "Een online sessie over de City Deal ‘Een slimme stad, zo doe je dat’: welke kwesties kunnen steden niet regelen zonder de nationale overheid?",
    programme: [
      "De komende jaren veranderen onze regio’s, steden en dorpen onherkenbaar door digitalisering en technologisering. Er is nog geen Rijksbreed beleid op het onderwerp, terwijl beleidsterreinen van verschillende ministeries eraan raken. Tijdens de sessie staan vier kernvragen centraal:",
      ["Waar gaat het over bij smart city, en waarom is dat urgent?", "Wat zijn de knelpunten? Praktijkvoorbeelden van onderwerpen die tussen wal en schip vallen.", "Wat zijn onze aspiraties: wat kunnen we samen oplossen?", "Hoe borgen we dit beter bij het Rijk, en hoe kunt u meedoen?"],
    ],
    dayOffset: -40,
    start: "11:30",
    end: "12:30",
    location: "",
    onlineUrl: "https://kapittel.example/online/innovember-smart-city",
    capacity: null,
    speakers: [{ organisation: "provincie-utrecht", topic: "Co-creatiesessies: wat steden niet alleen kunnen regelen" }],
    presentations: [],
    registered: 14,
    waitlisted: 0,
  },
  {
    slug: "partnerbijeenkomst-digital-twins-en-omgevingsbeleid",
    title: "Partnerbijeenkomst: digital twins en omgevingsbeleid",
    kind: "event",
    summary: "De maandelijkse bijeenkomst van het project ‘Slim besturen’: wat betekent het inzicht uit digitale tweelingen voor het omgevingsbeleid?",
    programme: [
      "Digital twins en andere data-analysetools geven veel inzicht in hoe een gemeente of provincie ervoor staat. Maar hoe verandert die overvloed aan inzicht de manier waarop beslissingen worden voorbereid en genomen?",
      ["Inleiding: de digitale tweeling van Zuid-Holland", "Praktijk: data combineren en visualiseren in een stedelijke context", "Aansluiten op het Digitaal Stelsel Omgevingswet", "Werksessie voor het boek: welke principes zien we?"],
    ],
    dayOffset: -18,
    start: "15:00",
    end: "17:30",
    location: "Provinciehuis Zuid-Holland, Den Haag",
    onlineUrl: "https://kapittel.example/online/partnerbijeenkomst-digital-twins",
    capacity: 40,
    speakers: [
      { organisation: "provincie-zuid-holland", topic: "De digitale tweeling als basis voor omgevingsbeleid" },
      { organisation: "civity", topic: "Data ontsluiten, combineren en visualiseren" },
      { organisation: "kadaster", topic: "Basisregistraties onder de digitale tweeling" },
    ],
    presentations: ["De digitale tweeling als basis voor omgevingsbeleid"],
    registered: 31,
    waitlisted: 0,
  },
  {
    slug: "partnerbijeenkomst-besluiten-met-data",
    title: "Partnerbijeenkomst: besluiten met data",
    kind: "event",
    summary: "Hoe verandert data de rol van bestuurders en hun ambtelijke adviseurs? De maandelijkse bijeenkomst van ‘Slim besturen’, open voor publiek.",
    programme: [
      "Leidt meer inzicht tot een andere rol van de overheid? Wat is de impact op ambtenaren en bestuurders, en kan deze vorm van digitalisering de verkokering binnen overheden doorbreken?",
      ["Ontvangst met koffie", "Datagedreven sturing in het sociaal domein: ervaringen uit Sittard-Geleen", "Netwerken onder de slimme stad", "Gesprek: wat vraagt dit van de gemeenteraad?", "Borrel"],
    ],
    dayOffset: 12,
    start: "15:30",
    end: "18:00",
    location: "Gemeentehuis Sittard-Geleen, Markt 1, Sittard",
    onlineUrl: null,
    capacity: 25,
    speakers: [
      { organisation: "gemeente-sittard-geleen", topic: "Datagedreven sturing in het sociaal domein" },
      { organisation: "vodafoneziggo", topic: "De netwerken waarop slimme toepassingen draaien" },
    ],
    presentations: [],
    registered: 23,
    waitlisted: 0,
  },
  {
    slug: "bestuurderssessie-slim-besturen",
    title: "Bestuurderssessie: zo bestuur je een slimme stad",
    kind: "workshop",
    summary: "Een sessie exclusief voor wethouders, gedeputeerden en hun directe adviseurs over besluitvorming in de digitaliserende gemeente.",
    programme: [
      "Een kleine groep bestuurders bespreekt aan de hand van casussen uit het boek hoe digitalisering de voorbereiding en het nemen van besluiten verandert.",
      ["Casus: een digital twin in de raadsvergadering", "Publieke waarden afwegen: het afwegingskader in de praktijk", "Wat neemt u mee naar uw college?"],
    ],
    dayOffset: 26,
    start: "09:30",
    end: "12:00",
    location: "Utrecht (de precieze locatie volgt na aanmelding)",
    onlineUrl: null,
    capacity: 12,
    speakers: [
      { organisation: "elba-rec", topic: "Gebiedsgerichte samenwerking en besluitvorming" },
      { organisation: "kennedy-van-der-laan", topic: "Juridische kaders voor datagedreven besluiten" },
    ],
    presentations: [],
    registered: 12,
    waitlisted: 3,
  },
  {
    slug: "boekpresentatie-zo-bestuur-je-een-slimme-stad",
    title: "Boekpresentatie ‘Zo bestuur je een slimme stad’",
    kind: "event",
    summary: "De partners van ‘Slim besturen’ presenteren het boek dat ze samen schreven, en de vervolgstappen.",
    programme: [
      "In het najaar presenteren we het boek en de vervolgstappen. Partners vertellen over hun hoofdstuk; daarna is er ruimte voor vragen en een borrel.",
      ["Opening en overhandiging van het eerste exemplaar", "Drie partners over hun hoofdstuk", "De vervolgstappen: communities of practice en showcases", "Borrel"],
    ],
    dayOffset: 55,
    start: "16:00",
    end: "19:00",
    location: "Amersfoort",
    onlineUrl: "https://kapittel.example/online/boekpresentatie",
    capacity: 120,
    speakers: [
      { organisation: "gemeente-amersfoort", topic: "Het hoofdstuk over de digital twin van de binnenstad" },
      { organisation: "dhm-infra", topic: "Sensoren en beheerdata in de openbare ruimte" },
    ],
    presentations: [],
    registered: 37,
    waitlisted: 0,
  },
];
