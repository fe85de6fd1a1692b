import type { OrganisationKind, PartnershipTier } from "#app/common/organisations.ts";

/** The partners of the project "Slim besturen" as named on the programme page. */
export const DEMO_ORGANISATIONS: {
  slug: string;
  name: string;
  kind: OrganisationKind;
  tier: PartnershipTier;
  feeEuros: number;
  feePaid: boolean;
  description: string;
}[] = [
  { slug: "gemeente-amersfoort", name: "Gemeente Amersfoort", kind: "municipality", tier: "premium", feeEuros: 9000, feePaid: true,
    description: "Gemeente die met een digital twin van de binnenstad onderzoekt hoe data de voorbereiding van ruimtelijke besluiten verandert." },
  { slug: "civity", name: "Civity", kind: "company", tier: "premium", feeEuros: 12500, feePaid: true,
    description: "Bedrijf dat overheden helpt data te ontsluiten, te combineren en te visualiseren in een stedelijke context." },
  { slug: "dhm-infra", name: "DHM Infra", kind: "company", tier: "premium", feeEuros: 10000, feePaid: true,
    description: "Ingenieursbureau voor infrastructuur en openbare ruimte, met aandacht voor sensoren en beheerdata." },
  { slug: "elba-rec", name: "ELBA\\REC", kind: "company", tier: "premium", feeEuros: 7500, feePaid: false,
    description: "Adviesbureau voor ruimtelijke en economische ontwikkeling dat gemeenten begeleidt bij gebiedsgerichte samenwerking." },
  { slug: "kennedy-van-der-laan", name: "Kennedy Van der Laan", kind: "company", tier: "premium", feeEuros: 9000, feePaid: true,
    description: "Advocatenkantoor met een praktijk in overheidsrecht, privacy en technologie." },
  { slug: "gemeente-sittard-geleen", name: "Gemeente Sittard-Geleen", kind: "municipality", tier: "premium", feeEuros: 9000, feePaid: false,
    description: "Gemeente die ervaring opdoet met datagedreven sturing in het sociaal domein en de openbare ruimte." },
  { slug: "vodafoneziggo", name: "VodafoneZiggo", kind: "company", tier: "premium", feeEuros: 12500, feePaid: true,
    description: "Telecombedrijf dat de vaste en mobiele netwerken levert waarop slimme toepassingen in de stad draaien." },
  { slug: "provincie-zuid-holland", name: "Provincie Zuid-Holland", kind: "province", tier: "premium", feeEuros: 11000, feePaid: true,
    description: "Provincie die met digitale tweelingen werkt aan omgevingsbeleid voor een dichtbevolkte regio." },
  { slug: "provincie-utrecht", name: "Provincie Utrecht", kind: "province", tier: "premium", feeEuros: 10000, feePaid: false,
    description: "Provincie die onderzoekt hoe inzicht uit data het gesprek tussen provincie, gemeenten en inwoners verandert." },
  { slug: "kadaster", name: "Kadaster", kind: "knowledge_institute", tier: "premium", feeEuros: 9000, feePaid: true,
    description: "Beheerder van basisregistraties en geo-informatie waarop veel digitale tweelingen zijn gebouwd." },
];
