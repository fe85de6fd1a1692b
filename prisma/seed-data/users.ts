import type { Role } from "#app/common/permissions.ts";

/** The password of every demo account (listed in the README). */
export const DEMO_PASSWORD = "kapittel-demo";

/** Demo accounts, one per role and two partner authors in different organisations. Names are invented. */
export const DEMO_USERS: { email: string; name: string; role: Role; organisations: string[] }[] = [
  { email: "beheerder@kapittel.example", name: "Mila Beheer", role: "admin", organisations: [] },
  { email: "redacteur@kapittel.example", name: "Ruben Redactie", role: "editor", organisations: [] },
  { email: "auteur.amersfoort@kapittel.example", name: "Anouk Amersfoort", role: "author", organisations: ["gemeente-amersfoort"] },
  { email: "auteur.civity@kapittel.example", name: "Cas Civity", role: "author", organisations: ["civity"] },
  { email: "lezer@kapittel.example", name: "Lotte Lezer", role: "reader", organisations: [] },
];
