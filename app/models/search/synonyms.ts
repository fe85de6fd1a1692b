/**
 * Phrases that mean the same in the city-digitalisation field, Dutch and English side by side: the
 * book and the toolbox mix both ("digitale tweeling" next to "digital twin"). Each group lists
 * equivalent phrases as folded words (lower case, no diacritics: see foldWord); a query containing
 * one phrase also matches the others. Deliberately short and hand-made (docs/decisions/017-search.md):
 * a long automatic list would make searches vaguer, not better.
 */
export const SYNONYM_GROUPS: readonly (readonly string[][])[] = [
  [["digitale", "tweeling"], ["digital", "twin"], ["digitale", "twin"]],
  [["slimme", "stad"], ["smart", "city"], ["slimme", "steden"], ["smart", "cities"]],
  [["kunstmatige", "intelligentie"], ["artificial", "intelligence"], ["ai"]],
  [["internet", "of", "things"], ["iot"], ["internet", "der", "dingen"]],
  [["avg"], ["gdpr"], ["gegevensbescherming"]],
  [["open", "standaard"], ["open", "standard"]],
  [["datadeling"], ["data", "delen"], ["data", "sharing"]],
  [["burgerparticipatie"], ["participatie"], ["inspraak"]],
];
