import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { TriangulateError } from "../core/errors.ts";
import { parseCameoTable } from "../core/cameo-table.ts";
import {
  createEventCues,
  createEventLexicon,
  parseComposeTable,
  parsePatterns,
  PATTERN_FILES,
  type EventCues,
  type EventLexicon,
} from "../extract/events/lexicon.ts";

export const COMPOSE_FILE = "cameo/patterns-compose.tsv";
export const CUES_FILE = "event-cues.json";

const words = z.array(z.string().min(1)).min(1);

const cuesSchema = z.object({
  negation: words,
  future: words,
  conditional: words,
  conditionalClause: words,
  obligation: words,
  alleged: words,
  claimVerbs: words,
  speech: words,
  expect: words,
  hypotheticalGovernors: words,
  expectNouns: words,
  allegedNouns: words,
  habitual: words,
  habitualNouns: words,
  subordinators: words,
  relatives: words,
  subjectPronouns: words,
  temporal: words,
  nonTriggers: words,
  people: words,
  agents: words,
  notPassive: words,
  expelling: words,
  domesticForces: words,
  speechNouns: words,
  demandVerbs: words,
  lightVerbs: words,
  aspectual: words,
  culpability: words,
  lifting: words,
  sameFormParticiples: words,
  nounPhrasePrepositions: words,
  targetPrepositions: words,
  reciprocal: words,
  compound: words,
  unnamedOthers: words,
  placePrepositions: words,
  missions: words,
  contexts: z.record(z.string().min(1), words),
});

function readData(dataDir: string, path: string): string {
  return readFileSync(join(dataDir, path), "utf8");
}

/**
 * Validates the cue words of `data/event-cues.json`.
 * @throws TriangulateError `invalid_data` with the path of the first problem.
 */
export function parseEventCues(json: string, file: string = CUES_FILE): EventCues {
  const parsed = cuesSchema.safeParse(JSON.parse(json));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join(".") : "";
    throw new TriangulateError("invalid_data", `${file}: ${where}: ${issue?.message ?? "invalid"}`);
  }
  return createEventCues(parsed.data);
}

/**
 * Reads the CAMEO verb and noun patterns, the composition table and the cue
 * words, and checks that every code they give exists in the CAMEO table and
 * every `if=`/`unless=` context is defined.
 * @throws TriangulateError `invalid_data` naming the file and line.
 */
export function loadEventLexicon(dataDir: string): EventLexicon {
  const cameo = parseCameoTable(readData(dataDir, "cameo/cameo-codes.tsv"));
  const cues = parseEventCues(readData(dataDir, CUES_FILE));
  const patterns = PATTERN_FILES.flatMap(({ file, triggerClass, tier }) =>
    parsePatterns(readData(dataDir, file), triggerClass, file, tier),
  );
  for (const pattern of patterns) {
    if (!cameo.get(pattern.code)) {
      throw new TriangulateError("invalid_data", `${pattern.origin}: no CAMEO code ${pattern.code}`);
    }
    if (pattern.context && !cues.contexts.has(pattern.context.name)) {
      throw new TriangulateError("invalid_data", `${pattern.origin}: no context "${pattern.context.name}"`);
    }
  }
  const rules = parseComposeTable(readData(dataDir, COMPOSE_FILE), COMPOSE_FILE);
  for (const rule of rules) {
    if (!cameo.get(rule.code)) {
      throw new TriangulateError("invalid_data", `${COMPOSE_FILE}: no CAMEO code ${rule.code}`);
    }
  }
  return createEventLexicon(patterns, rules, cues);
}
