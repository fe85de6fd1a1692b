/**
 * Demo tools for the toolbox (the knowledge platform, issue #8), drawn from the themes of the seed
 * pages: the City Deal "Een slimme stad, zo doe je dat" develops instruments for the "hoe-vraag" of
 * the digitalising city, in two categories and five forms, each tested in at least three
 * municipalities and measured against four design principles. Names and texts are written for the
 * demo; owners are the demo partner organisations (by slug), pilots are municipalities by name.
 */
import type { DesignPrinciple, ToolCategory, ToolForm, ToolStatus } from "#app/common/toolbox.ts";

export type DemoTool = {
  slug: string;
  name: string;
  summary: string;
  /** Paragraphs of the description. */
  description: string[];
  category: ToolCategory;
  form: ToolForm;
  status: ToolStatus;
  /** How the tool meets each principle it serves. */
  principles: Partial<Record<DesignPrinciple, string>>;
  pilotMunicipalities: string[];
  owners: string[];
  links: { title: string; url: string }[];
};

export const DEMO_TOOLS: DemoTool[] = [
  {
    slug: "convenant-antennelocaties",
    name: "Convenant antennelocaties",
    summary: "Afspraken tussen gemeente en netwerkaanbieders over waar en hoe antennes in de openbare ruimte komen.",
    description: [
      "Met de komst van 5G zijn veel meer kleine antennes nodig, vaak aan lantaarnpalen en gevels. Het convenant legt vast hoe gemeente en aanbieders samen locaties kiezen, hoe bewoners worden geïnformeerd en hoe de openbare ruimte er netjes bij blijft.",
      "Het convenant bevat een modelprocedure, een vergoedingsregeling voor het gebruik van gemeentelijk straatmeubilair en afspraken over het delen van locaties tussen aanbieders.",
    ],
    category: "substantive",
    form: "agreement",
    status: "available",
    principles: {
      democratic_smart_network: "Netwerken worden gedeeld en zo gepland dat iedere wijk dezelfde kwaliteit krijgt.",
      flexibility: "Nieuwe aanbieders kunnen later aansluiten op dezelfde afspraken.",
      meaningfulness: "Bewoners weten vooraf wat er in hun straat komt en waarom.",
    },
    pilotMunicipalities: ["Amersfoort", "Sittard-Geleen", "Eindhoven", "Zwolle"],
    owners: ["vodafoneziggo", "gemeente-amersfoort"],
    links: [{ title: "Modelconvenant (concept)", url: "https://kapittel.example/tools/convenant-antennelocaties" }],
  },
  {
    slug: "sensorenregister",
    name: "Sensorenregister",
    summary: "Een openbaar register van sensoren in de openbare ruimte: wie meet wat, waar en waarom.",
    description: [
      "Inwoners hebben recht om te weten welke sensoren er in hun straat hangen. Het sensorenregister is een open standaard en een kaart waarop eigenaren hun sensoren melden, met doel, gemeten grootheden en bewaartermijn.",
      "Gemeenten kunnen melding verplichten via de APV; het register sluit aan op bestaande landelijke voorzieningen.",
    ],
    category: "substantive",
    form: "standard",
    status: "available",
    principles: {
      sustainable_democratic_city: "Transparantie over wat er gemeten wordt is een voorwaarde voor democratische controle.",
      democratic_smart_network: "Eén register voor alle eigenaren, publiek en privaat.",
      meaningfulness: "Elke melding vermeldt het doel van de meting.",
    },
    pilotMunicipalities: ["Amsterdam", "Eindhoven", "Amersfoort", "Utrecht"],
    owners: ["kadaster", "civity"],
    links: [{ title: "Specificatie", url: "https://kapittel.example/tools/sensorenregister/specificatie" }],
  },
  {
    slug: "afwegingskader-publieke-waarden",
    name: "Afwegingskader publieke waarden",
    summary: "Een eenvoudig kader om per smartcitytoepassing de betrokken waarden, risico's en maatregelen vast te leggen.",
    description: [
      "Elke technologie in de openbare ruimte raakt aan waarden als privacy, autonomie, veiligheid en gelijke behandeling. Het afwegingskader helpt projectteams die waarden vroeg te benoemen en hun keuzes te verantwoorden.",
      "Het kader is een formulier met begeleidende vragen en wordt bij voorkeur ingevuld met een bewonerspanel aan tafel.",
    ],
    category: "governance",
    form: "norm",
    status: "available",
    principles: {
      sustainable_democratic_city: "Maakt de afweging tussen waarden zichtbaar voor raad en inwoners.",
      meaningfulness: "Begint bij de vraag welk maatschappelijk probleem de toepassing oplost.",
    },
    pilotMunicipalities: ["Sittard-Geleen", "Almere", "Den Haag"],
    owners: ["kennedy-van-der-laan", "gemeente-sittard-geleen"],
    links: [],
  },
  {
    slug: "crowd-safety-manager",
    name: "Crowd safety manager",
    summary: "Drukte voorspellen en bijsturen bij evenementen en op drukke plekken, met oog voor privacy.",
    description: [
      "De crowd safety manager combineert tellingen, weersverwachting en evenementenagenda tot een drukteverwachting. Handhavers en organisatoren krijgen een dashboard met advies over bijsturen.",
      "De tool wordt met Europese subsidie getoetst op Scheveningen. Alleen geaggregeerde tellingen worden bewaard; herleidbare gegevens verlaten de sensor niet.",
    ],
    category: "substantive",
    form: "agreement",
    status: "piloting",
    principles: {
      sustainable_democratic_city: "Veiligheid in de openbare ruimte zonder mensen te volgen.",
      democratic_smart_network: "De tellingen zijn open data voor alle betrokken partijen.",
      flexibility: "Werkt met verschillende soorten sensoren en leveranciers.",
    },
    pilotMunicipalities: ["Den Haag", "Utrecht"],
    owners: ["dhm-infra"],
    links: [],
  },
  {
    slug: "inkoopvoorwaarden-data",
    name: "Inkoopvoorwaarden voor data",
    summary: "Modelbepalingen die regelen dat data uit ingekochte slimme toepassingen van de overheid blijven.",
    description: [
      "Wie een slimme lantaarnpaal, parkeersensor of verkeersregelinstallatie inkoopt, koopt ook data. De modelbepalingen regelen eigendom, toegang, open standaarden, exit en het verbod op doorverkoop.",
      "Gemeenten en provincies nemen de bepalingen op in hun aanbestedingen; leveranciers kennen zo vooraf de spelregels.",
    ],
    category: "governance",
    form: "standard",
    status: "available",
    principles: {
      democratic_smart_network: "Voorkomt dat publieke data achter één leverancier verdwijnt.",
      flexibility: "Open standaarden en een exitregeling houden de overheid wendbaar.",
    },
    pilotMunicipalities: ["Amersfoort", "Zwolle", "Helmond", "Sittard-Geleen"],
    owners: ["kennedy-van-der-laan", "provincie-utrecht"],
    links: [],
  },
  {
    slug: "apv-module-slimme-toepassingen",
    name: "APV-module slimme toepassingen",
    summary: "Een modelartikel voor de Algemene Plaatselijke Verordening over sensoren en camera's in de openbare ruimte.",
    description: [
      "Het modelartikel regelt een meldplicht voor sensoren in de openbare ruimte, koppelt die aan het sensorenregister en geeft het college de bevoegdheid voorwaarden te stellen.",
      "De toelichting beschrijft de verhouding tot de AVG en de Omgevingswet, en hoe de raad de regels later kan aanscherpen.",
    ],
    category: "governance",
    form: "bylaw",
    status: "piloting",
    principles: {
      sustainable_democratic_city: "De gemeenteraad stelt de regels vast; het debat vindt in het openbaar plaats.",
      meaningfulness: "Alleen toepassingen met een omschreven doel zijn toegestaan.",
    },
    pilotMunicipalities: ["Eindhoven", "Amersfoort"],
    owners: ["gemeente-amersfoort"],
    links: [],
  },
  {
    slug: "open-standaard-3d-stadsmodel",
    name: "Open standaard voor 3D-stadsmodellen",
    summary: "Afspraken over het uitwisselen van 3D-stadsmodellen tussen gemeenten, provincies en marktpartijen.",
    description: [
      "Digital twins zijn alleen zo goed als de modellen eronder. De standaard beschrijft welke objecten een 3D-stadsmodel minimaal bevat, in welk formaat en met welk detailniveau, zodat modellen uitwisselbaar zijn en niet per leverancier opnieuw gebouwd worden.",
    ],
    category: "substantive",
    form: "standard",
    status: "available",
    principles: {
      democratic_smart_network: "Eén model dat alle partijen kunnen gebruiken.",
      flexibility: "Leveranciers zijn uitwisselbaar.",
    },
    pilotMunicipalities: ["Rotterdam", "Den Haag", "Amersfoort", "Zwolle"],
    owners: ["kadaster", "provincie-zuid-holland"],
    links: [{ title: "Uitwisselformaat", url: "https://kapittel.example/tools/3d-stadsmodel/formaat" }],
  },
  {
    slug: "algoritmeregister-gemeenten",
    name: "Algoritmeregister voor gemeenten",
    summary: "Een register en format om algoritmen die besluiten ondersteunen begrijpelijk te beschrijven.",
    description: [
      "Het register beschrijft per algoritme het doel, de gebruikte gegevens, de menselijke tussenkomst en de manier van toetsen. Inwoners kunnen vragen stellen en bezwaar maken.",
    ],
    category: "governance",
    form: "norm",
    status: "available",
    principles: {
      sustainable_democratic_city: "Besluiten blijven uitlegbaar en aanvechtbaar.",
      meaningfulness: "Registreert ook waarom een algoritme wordt ingezet.",
    },
    pilotMunicipalities: ["Amsterdam", "Utrecht", "Almere", "Sittard-Geleen"],
    owners: ["civity"],
    links: [],
  },
  {
    slug: "lokaal-meten-luchtkwaliteit",
    name: "Lokaal meten van luchtkwaliteit met inwoners",
    summary: "Een werkwijze waarmee inwoners, gemeente en kennisinstellingen samen luchtkwaliteit meten.",
    description: [
      "Inwoners hangen goedkope sensoren op, de gemeente zorgt voor kalibratie tegen officiële meetstations en de resultaten zijn voor iedereen zichtbaar. De werkwijze beschrijft rollen, kwaliteitseisen en hoe je met onverwachte uitkomsten omgaat.",
      "De community of practice ‘lokaal meten’ deelt ervaringen tussen de deelnemende gemeenten.",
    ],
    category: "substantive",
    form: "agreement",
    status: "available",
    principles: {
      sustainable_democratic_city: "Inwoners zijn mede-eigenaar van de kennis over hun leefomgeving.",
      democratic_smart_network: "Meetnet van inwoners en overheid samen.",
      meaningfulness: "Meten met een vraag die bewoners zelf stellen.",
    },
    pilotMunicipalities: ["Eindhoven", "Nijmegen", "Zwolle", "Amersfoort"],
    owners: ["provincie-utrecht", "gemeente-amersfoort"],
    links: [],
  },
  {
    slug: "dataprotocol-digital-twin",
    name: "Dataprotocol voor de digital twin",
    summary: "Afspraken over welke data in een gemeentelijke digital twin komen, wie ze beheert en wie ze mag gebruiken.",
    description: [
      "Een digital twin brengt gegevens uit veel bronnen samen. Het protocol legt per bron vast wie eigenaar is, hoe actueel de gegevens zijn, wie toegang heeft en hoe vertrouwelijke gegevens worden afgeschermd.",
    ],
    category: "governance",
    form: "agreement",
    status: "piloting",
    principles: {
      democratic_smart_network: "Duidelijk eigenaarschap per bron.",
      flexibility: "Nieuwe bronnen sluiten aan zonder het geheel te herontwerpen.",
    },
    pilotMunicipalities: ["Sittard-Geleen", "Helmond", "Amersfoort"],
    owners: ["gemeente-sittard-geleen", "dhm-infra"],
    links: [],
  },
  {
    slug: "norm-glasvezel-in-de-openbare-ruimte",
    name: "Norm voor glasvezel in de openbare ruimte",
    summary: "Een norm voor het gezamenlijk aanleggen en delen van glasvezel en mantelbuizen bij werkzaamheden in de straat.",
    description: [
      "Bij elke opengebroken straat is er een kans om mantelbuizen mee te leggen. De norm beschrijft hoe gemeente en netbeheerders werkzaamheden afstemmen, de capaciteit delen en de ligging vastleggen in de basisregistratie.",
    ],
    category: "substantive",
    form: "norm",
    status: "in_development",
    principles: {
      democratic_smart_network: "Het netwerk als gedeelde infrastructuur, niet per aanbieder.",
      flexibility: "Ruimte voor toekomstige toepassingen in dezelfde buizen.",
    },
    pilotMunicipalities: ["Amersfoort"],
    owners: ["vodafoneziggo", "elba-rec"],
    links: [],
  },
  {
    slug: "leerlijn-datageletterdheid",
    name: "Leerlijn datageletterdheid voor ambtenaren",
    summary: "Een leerlijn waarmee beleidsambtenaren leren vragen stellen aan data, modellen en analisten.",
    description: [
      "Niet iedere ambtenaar hoeft te kunnen programmeren, maar wel te begrijpen hoe een gegeven tot stand komt en wat een model wel en niet kan. De leerlijn bestaat uit vier bijeenkomsten met casussen uit de eigen gemeente.",
    ],
    category: "governance",
    form: "standard",
    status: "available",
    principles: {
      sustainable_democratic_city: "Ambtenaren kunnen uitkomsten van modellen kritisch duiden voor het bestuur.",
      meaningfulness: "Werkt met echte vragen uit de eigen organisatie.",
    },
    pilotMunicipalities: ["Sittard-Geleen", "Amersfoort", "Zwolle"],
    owners: ["elba-rec"],
    links: [],
  },
  {
    slug: "europese-dataverordening-wegwijzer",
    name: "Wegwijzer Europese dataregels",
    summary: "Een wegwijzer door de Europese regels over data die voor slimme steden gelden.",
    description: [
      "De Europese regels over data, datadeling en kunstmatige intelligentie raken direct aan slimme toepassingen in de stad. De wegwijzer vat per regel samen wat een gemeente moet doen, en wanneer.",
    ],
    category: "governance",
    form: "legislation",
    status: "available",
    principles: {
      sustainable_democratic_city: "Helpt gemeenten de rechten van inwoners waar te maken.",
      flexibility: "Wordt bijgewerkt als de regels veranderen.",
    },
    pilotMunicipalities: ["Den Haag", "Utrecht", "Eindhoven"],
    owners: ["kennedy-van-der-laan"],
    links: [],
  },
];
