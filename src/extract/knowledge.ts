import type { Gazetteer } from "./actors/gazetteer.ts";
import type { CameoTable } from "../core/cameo-table.ts";
import type { EventLexicon } from "./events/lexicon.ts";
import type { UnitTable } from "./quantities/units.ts";

/** Everything extraction knows beyond the text: loaded from `data/` by `src/knowledge/`. */
export interface Knowledge {
  readonly gazetteer: Gazetteer;
  readonly units: UnitTable;
  readonly cameo: CameoTable;
  readonly lexicon: EventLexicon;
}

/**
 * What extraction needs once a text's actors and dates are found
 * (`extractAnalysed`): all of the knowledge but the gazetteer.
 */
export type CodingKnowledge = Omit<Knowledge, "gazetteer">;
