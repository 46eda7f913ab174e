// Placeholder until the CAMEO verb and noun patterns land.
export interface EventLexicon {
  readonly size: number;
}
