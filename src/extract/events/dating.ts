import type { IsoDate } from "../../core/ids.ts";
import type { AnalysedSentence } from "../types.ts";
import { isHardBoundary, type SentenceView } from "./sentence-view.ts";

/** A date expression of the sentence at its first token. */
export interface DateAnchor {
  readonly token: number;
  readonly date: IsoDate;
}

/** What crossing a clause boundary costs, in tokens: a date of the trigger's own clause is preferred. */
const CLAUSE_COST = 40;
/** A semicolon joins what could be two sentences: a date past one is taken only when none is nearer. */
const SENTENCE_COST = 1000;

/** The sentence's date expressions by token, in order. */
export function dateAnchors(view: SentenceView, sentence: AnalysedSentence): DateAnchor[] {
  const anchors: DateAnchor[] = [];
  let k = 0;
  for (const mention of sentence.dates.mentions) {
    const date = mention.at === undefined ? mention.date : mention.at;
    while (k < view.tokens.length && (view.tokens[k]?.end ?? 0) <= mention.start) k++;
    if (date && k < view.tokens.length) anchors.push({ token: k, date });
  }
  return anchors;
}

/** Does token `k` end one clause and open another (a semicolon, ", and", a subordinator)? */
function opensClause(view: SentenceView, k: number): boolean {
  const word = view.words[k] ?? "";
  if (isHardBoundary(view, k) || view.cues.subordinators.has(word)) return true;
  if (word === "," && (view.words[k + 1] === "and" || view.words[k + 1] === "but")) return true;
  return (word === "and" || word === "but") && (view.pos[k + 1] === "VERB" || view.pos[k + 1] === "AUX");
}

/**
 * When the event triggered at token `at` happened: the date expression nearest
 * to it, one in its own clause before any across a clause boundary ("visited
 * Ankara in March, and Lapid visited in June"); with none, the sentence's
 * reference (the narrative's time).
 */
export function eventDate(
  view: SentenceView,
  anchors: readonly DateAnchor[],
  at: number,
  reference: IsoDate | null,
): IsoDate | null {
  let best: IsoDate | null = null;
  let bestCost = Infinity;
  for (const anchor of anchors) {
    const [from, to] = anchor.token < at ? [anchor.token, at] : [at, anchor.token];
    let cost = to - from;
    for (let k = from + 1; k < to; k++) {
      if (view.words[k] === ";") cost += SENTENCE_COST;
      else if (opensClause(view, k)) cost += CLAUSE_COST;
    }
    if (cost < bestCost) {
      bestCost = cost;
      best = anchor.date;
    }
  }
  return best ?? reference;
}
