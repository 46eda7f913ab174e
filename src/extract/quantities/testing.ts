// Test support for figure, date and claim recognition: the real data files and
// the real NLP engine, without the knowledge loader (extract may not import it).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Sentence } from "../../core/ports.ts";
import { createWinkEngine } from "../../nlp/wink-engine.ts";
import { type CalendarSpec, createCalendarWords } from "../dates/calendar.ts";
import { type UnitTable, type UnitTableSpec, createUnitTable } from "./units.ts";

const DATA = join(import.meta.dirname, "..", "..", "..", "data");
const read = (name: string): unknown => JSON.parse(readFileSync(join(DATA, name), "utf8"));

let units: UnitTable | null = null;
let engine: ReturnType<typeof createWinkEngine> | null = null;

/** The unit table built from `data/` (validated by `src/knowledge/units.test.ts`). */
export function testUnits(): UnitTable {
  units ??= createUnitTable(
    { ...(read("units.json") as object), ...(read("quantity-words.json") as object) } as UnitTableSpec,
    createCalendarWords(read("calendar.json") as CalendarSpec),
  );
  return units;
}

/** The sentences of a text, as the pipeline sees them. */
export function sentencesOf(text: string): readonly Sentence[] {
  engine ??= createWinkEngine();
  return engine.analyse(text);
}

/** The only sentence of a one-sentence text. */
export function sentenceOf(text: string): Sentence {
  const [first, ...rest] = sentencesOf(text);
  if (!first || rest.length > 0) throw new Error(`expected one sentence: ${text}`);
  return first;
}
