// Placeholder until the actor gazetteer lands.
export interface Gazetteer {
  readonly size: number;
}
