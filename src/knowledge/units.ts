import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { TriangulateError } from "../core/errors.ts";
import { QUALIFIERS, UNITS } from "../core/records.ts";
import { createCalendarWords } from "../extract/dates/calendar.ts";
import { createUnitTable, type UnitTable } from "../extract/quantities/units.ts";

const words = z.array(z.string().min(1));
const qualifierPhrases = z.partialRecord(z.enum(QUALIFIERS), words);
const monthNumber = z.number().int().min(1).max(12);
const monthSpan = z.tuple([monthNumber, monthNumber]);

const unitsSchema = z.object({
  units: z.array(
    z.object({
      unit: z.enum(UNITS),
      forms: words.min(1),
      factor: z.number().positive().optional(),
      position: z.enum(["before", "after", "both"]).optional(),
      code: z.boolean().optional(),
      article: z.boolean().optional(),
    }),
  ),
  scales: z.array(
    z.object({
      factor: z.number().positive(),
      forms: words.min(1),
      currencyOnly: z.boolean().optional(),
      approx: z.boolean().optional(),
    }),
  ),
});

const wordsSchema = z.object({
  numberWords: z.record(z.string().min(1), z.number().int().nonnegative()),
  qualifiersBefore: qualifierPhrases,
  qualifiersAfter: qualifierPhrases,
  countNouns: words,
  nameWords: words,
  anaphoricDeterminers: words,
  windowWords: words,
  notAfter: words,
  backgroundWords: words,
  attributionPhrases: words,
  participantNouns: words,
  participantMax: z.number().int().nonnegative(),
  notQualifierAfter: words,
  clauseOpeners: words,
  subjectClauseOpeners: words,
  figureNouns: words,
  estimatingVerbs: words,
});

const calendarSchema = z.object({
  months: z.record(z.string().min(1), monthNumber),
  weekdays: z.record(z.string().min(1), z.number().int().min(0).max(6)),
  relativeWords: words,
  relativeHeads: words,
  relativeUnits: words,
  seasons: z.record(z.string().min(1), monthSpan),
  parts: z.record(z.string().min(1), monthSpan),
  edges: z.record(z.string().min(1), z.enum(["start", "end"])),
  yearPrefixes: words,
  sinceWords: words,
  rangeWords: words,
  anaphora: z.object({
    units: z.record(z.string().min(1), z.enum(["day", "week", "month", "year"])),
    heads: z.record(z.string().min(1), z.number().int()),
    tails: z.record(z.string().min(1), z.number().int()),
  }),
});

function readJson<T>(dataDir: string, path: string, schema: z.ZodType<T>): T {
  const raw: unknown = JSON.parse(readFileSync(join(dataDir, path), "utf8"));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join(".") : "";
    throw new TriangulateError("invalid_data", `${path}: ${where}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

/**
 * Reads `data/units.json` (unit forms and scale words), `data/quantity-words.json`
 * (number words, qualifiers, count nouns) and `data/calendar.json`, validates
 * them and indexes them for figure and date recognition.
 */
export function loadUnitTable(dataDir: string): UnitTable {
  const units = readJson(dataDir, "units.json", unitsSchema);
  const quantityWords = readJson(dataDir, "quantity-words.json", wordsSchema);
  const calendar = readJson(dataDir, "calendar.json", calendarSchema);
  return createUnitTable({ ...units, ...quantityWords }, createCalendarWords(calendar));
}
