// Generated Dutch prose about the digitalising city, for the search benchmark: sentences built from
// the vocabulary of the book and the toolbox (seeds 002/004), so term frequencies, word lengths and
// diacritics look like the real content. Deterministic for a given seed.

export type Random = () => number;

/** mulberry32: a small, fast, seedable generator (the benchmark must index the same text every run). */
export function randomGenerator(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const SUBJECTS = [
  "de gemeente", "het college", "de gemeenteraad", "de provincie", "een netbeheerder", "de wethouder", "inwoners", "ondernemers",
  "de raadsleden", "het waterschap", "de ambtenaren", "een projectteam", "de regio", "de veiligheidsregio", "het Rijk", "de partners",
  "de stadsdeelcommissie", "woningcorporaties", "de datacommissie", "het Kadaster",
];
const VERBS = [
  "legt vast", "onderzoekt", "bespreekt", "beoordeelt", "publiceert", "deelt", "meet", "verzamelt", "ontwerpt", "toetst", "beheert",
  "financiert", "verankert", "evalueert", "vergelijkt", "ontsluit", "borgt", "verbetert", "koppelt", "begroot",
];
const OBJECTS = [
  "de digitale tweeling van de binnenstad", "een digital twin van het havengebied", "het sensorenregister", "open data over verkeer",
  "de financiële paragraaf", "gegevens over luchtkwaliteit", "een algoritmeregister", "de privacyeffectbeoordeling", "de omgevingsvisie",
  "het datadelingsconvenant", "de smart city-strategie", "slimme lantaarnpalen", "camerabeelden in de openbare ruimte", "de energietransitie",
  "warmtenetten in oude wijken", "het mobiliteitsplan", "deelauto's en laadpalen", "de glasvezelaanleg", "5G-antennes op gevels",
  "een participatietraject", "burgerberaden", "de publieke waarden", "geluidsmetingen bij evenementen", "de crowd-safety-aanpak",
  "het afvalinzamelsysteem", "de waterhuishouding", "klimaatadaptatie", "drukte op stations", "het datalab", "een 3D-stadsmodel",
  "de basisregistraties", "het Digitaal Stelsel Omgevingswet", "kunstmatige intelligentie in de dienstverlening", "de cybersecurity van gemalen",
  "het Internet of Things", "de inkoopvoorwaarden", "een open standaard", "de Europese AI-verordening", "de AVG", "de coöperatie van bewoners",
];
const CLAUSES = [
  "zodat inwoners weten wat er gebeurt", "omdat vertrouwen niet vanzelf ontstaat", "voordat er een besluit valt", "in samenspraak met de partners",
  "met oog voor privacy", "binnen de kaders van de Omgevingswet", "zonder dat de kosten oplopen", "terwijl de techniek snel verandert",
  "zoals in Amersfoort en Eindhoven al gebeurt", "met hulp van een onafhankelijke toezichthouder", "voor een democratisch slim netwerk",
  "in de geest van SDG 11", "waarbij flexibiliteit voorop staat", "zodat de betekenis voor de stad zichtbaar wordt",
  "met een heldere rolverdeling tussen publiek en privaat", "op basis van realtime gegevens", "na een proef van een jaar",
];
const OPENERS = ["Daarom", "Vervolgens", "In de praktijk", "Tegelijkertijd", "Bovendien", "Toch", "Uiteindelijk", "Ook", "Eerst", "Zo"];
const TITLE_HEADS = [
  "Sturen op data", "De digitale tweeling", "Publieke waarden", "Slimme mobiliteit", "Samen met inwoners", "Open standaarden",
  "Financiële verantwoording", "Sensoren in de straat", "De energietransitie", "Veilig en privacyvriendelijk", "Algoritmen onder toezicht",
  "Het netwerk als fundament", "Datadeling in de regio", "Klimaatadaptatie", "Experimenteren met beleid",
];
const TITLE_TAILS = [
  "in de praktijk", "voor gemeenten", "zonder omwegen", "en de raad", "als gedeelde opgave", "in tien stappen", "van proef tot beleid",
  "in de binnenstad", "voor de regio", "onder de Omgevingswet",
];
const TOOL_KINDS = ["Convenant", "Modelverordening", "Standaard", "Register", "Afwegingskader", "Handreiking", "Protocol", "Norm", "Checklist", "Raamwerk"];
const TOOL_TOPICS = [
  "sensoren in de openbare ruimte", "antennelocaties", "datadeling", "digitale tweelingen", "algoritmen", "slimme verlichting",
  "laadinfrastructuur", "crowd safety", "open data", "participatie", "cameratoezicht", "warmtenetten", "3D-stadsmodellen",
  "luchtkwaliteit", "deelmobiliteit", "privacy by design", "inkoop van slimme toepassingen", "glasvezel", "drones", "geluid",
];

// The long tail of real text: compounds and place names, each rare (Dutch glues nouns together).
const COMPOUND_HEADS = [
  "verkeers", "water", "energie", "data", "wijk", "stads", "buurt", "geluids", "lucht", "parkeer", "afval", "warmte", "fiets", "haven",
  "school", "zorg", "groen", "riool", "dijk", "bodem", "licht", "camera", "sensor", "netwerk", "budget", "raads", "burger", "markt",
  "regie", "toezicht", "inkoop", "privacy", "veiligheids", "klimaat", "mobiliteits", "woning", "bouw", "erfgoed", "sport", "cultuur",
];
const COMPOUND_TAILS = [
  "plan", "model", "register", "kaart", "agenda", "beleid", "monitor", "norm", "budget", "overleg", "visie", "raad", "meting", "dienst",
  "loket", "protocol", "portaal", "platform", "strategie", "opgave", "proef", "pilot", "regeling", "akkoord", "kader", "tafel", "team",
  "analyse", "rapport", "verordening", "convenant", "netwerk", "beheer", "index", "scan", "route", "zone", "punt", "lab", "fonds",
];
const PLACES = [
  "Almere", "Amersfoort", "Apeldoorn", "Arnhem", "Assen", "Breda", "Delft", "Deventer", "Dordrecht", "Ede", "Eindhoven", "Emmen",
  "Enschede", "Groningen", "Haarlem", "Heerlen", "Helmond", "Hengelo", "Leeuwarden", "Leiden", "Maastricht", "Nijmegen", "Oss",
  "Roermond", "Sittard-Geleen", "Tilburg", "Utrecht", "Venlo", "Zaanstad", "Zoetermeer", "Zwolle", "Súdwest-Fryslân", "Den Bosch",
];
const tail = (random: Random) =>
  random() < 0.5 ? `in ${pick(random, PLACES)}` : `rond het ${pick(random, COMPOUND_HEADS)}${pick(random, COMPOUND_TAILS)}`;

function sentence(random: Random): string {
  const opener = random() < 0.3 ? `${pick(random, OPENERS)} ` : "";
  const subject = pick(random, SUBJECTS);
  const extra = random() < 0.5 ? ` ${tail(random)}` : "";
  const body = `${subject} ${pick(random, VERBS)} ${pick(random, OBJECTS)}${extra}${random() < 0.6 ? `, ${pick(random, CLAUSES)}` : ""}.`;
  const text = opener ? `${opener} ${body}` : body;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function paragraph(random: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random)).join(" ");
}

/** A chapter: ~2,000–3,000 words in paragraphs, a title and a summary. */
export function generateChapter(random: Random, index: number) {
  const paragraphs = 20 + Math.floor(random() * 10);
  return {
    title: `${pick(random, TITLE_HEADS)} ${pick(random, TITLE_TAILS)} (${index + 1})`,
    summary: paragraph(random, 2),
    bodyText: Array.from({ length: paragraphs }, () => paragraph(random, 6 + Math.floor(random() * 4))).join("\n\n"),
  };
}

/** A toolbox entry: a name, a summary and a description of ~150–300 words as sanitized HTML. */
export function generateTool(random: Random, index: number) {
  const paragraphs = Array.from({ length: 2 + Math.floor(random() * 3) }, () => paragraph(random, 3 + Math.floor(random() * 3)));
  return {
    name: `${pick(random, TOOL_KINDS)} ${pick(random, TOOL_TOPICS)} ${index + 1}`,
    summary: sentence(random),
    descriptionHtml: paragraphs.map((p) => `<p>${p.replace(/&/g, "&amp;")}</p>`).join(""),
    descriptionText: paragraphs.join(" "),
  };
}
