// Placeholder until the unit table lands.
export interface UnitTable {
  readonly size: number;
}
