import type { Sentence } from "../../core/ports.ts";
import type { Quantity } from "../types.ts";
import type { UnitTable } from "./units.ts";

// Placeholder until quantity recognition lands.
export function findQuantities(_sentence: Sentence, _units: UnitTable): Quantity[] {
  return [];
}
