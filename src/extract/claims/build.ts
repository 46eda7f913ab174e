import type { CountryCode } from "../../core/records.ts";
import type { Token } from "../../core/ports.ts";
import type { UnitTable } from "../quantities/units.ts";
import type { ActorMention, AnalysedSentence, ClaimDraft, DateMention, Quantity } from "../types.ts";
import { metricOf } from "./metric.ts";
import { periodOf } from "./period.ts";

export interface ClaimContext {
  /** The document's sentences before this one, in text order (the pipeline passes all of them). */
  readonly previous: readonly AnalysedSentence[];
  /** The document text the offsets index: a line break between sentences starts a paragraph. */
  readonly text?: string | undefined;
  /** Background and attribution words. */
  readonly units: UnitTable;
}

// Groups and unknowns are actors, not the states a figure is about.
const NOT_STATES = new Set(["IGO", "MUS", "UNK"]);
// How far back a sentence without states borrows them: its paragraph, then this many sentences before it.
const BORROW_BEYOND_PARAGRAPH = 2;
// Words between a background preposition and the state it governs ("after the conflict in Ukraine").
const BACKGROUND_REACH = 5;
// A sentence naming one state takes its partners from the sentence before when that one names at most this many.
const MAX_WIDENED = 3;

/**
 * One claim per figure of the sentence: the figure with its unit and
 * qualifier, the states it is about (`subjects`), a short `metric` label from
 * the sentence and the `period` of the date expression nearest to it.
 *
 * Every figure the sentence states is a claim, hedged or not ("Israel would
 * pay about $20 million" states the sum agreed): the quantity finder already
 * leaves out what is not a figure. Subjects are the states of the sentence's
 * actor mentions, less those named only as background ("after the conflict in
 * Ukraine") or as the figure's source ("according to ..."); a sentence that
 * names none ("Mutual investments have reached $600 million.") takes them from
 * the nearest sentence before it in its paragraph that does, and one that
 * names a single state takes its partners from there when that sentence
 * names the same state among at most three ("The Israeli delegation included
 * more than 40 representatives" after a sentence on Israel and Azerbaijan).
 * States named outright outrank those only referred back to.
 */
export function buildClaims(sentence: AnalysedSentence, context: ClaimContext): ClaimDraft[] {
  if (sentence.quantities.length === 0) return [];
  const tokens = sentence.sentence.tokens;
  const own = subjectsOf(sentence, context.units);
  const before = borrowedSubjects(sentence, context);
  // One state named where the story is about it and its partners: the figure is about the pair.
  const widened = own.length === 1 && before.length <= MAX_WIDENED && own.every((c) => before.includes(c));
  const subjects = own.length === 0 || widened ? before : own;
  return sentence.quantities
    .filter((q) => !insideDate(q, sentence.dates.mentions))
    .map((quantity) => ({
      value: quantity.value,
      valueMax: quantity.valueMax,
      unit: quantity.unit,
      qualifier: quantity.qualifier,
      subjects,
      metric: metricOf(sentence.sentence, tokens, quantity, sentence.mentions, sentence.dates.mentions),
      period: periodOf(nearestDate(quantity, sentence.dates.mentions)),
    }));
}

/** "two years ago" is a date, not a duration: a figure inside a date expression is no claim. */
function insideDate(quantity: Quantity, dates: readonly DateMention[]): boolean {
  return dates.some((d) => d.start <= quantity.start && quantity.end <= d.end);
}

function nearestDate(quantity: Quantity, dates: readonly DateMention[]): DateMention | null {
  let best: DateMention | null = null;
  let bestDistance = Infinity;
  for (const date of dates) {
    if (date.start < quantity.end && quantity.start < date.end) continue;
    const distance = date.start >= quantity.end ? date.start - quantity.end : quantity.start - date.end;
    if (distance < bestDistance) {
      best = date;
      bestDistance = distance;
    }
  }
  return best;
}

function sortedStates(mentions: readonly ActorMention[]): CountryCode[] {
  const codes = new Set<CountryCode>();
  for (const m of mentions) if (m.country && !NOT_STATES.has(m.country)) codes.add(m.country);
  return [...codes].sort();
}

/** The index of the token that starts at or after `offset`. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? Infinity) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A mention inside a background phrase or a source attribution. */
function isAside(tokens: readonly Token[], mention: ActorMention, units: UnitTable): boolean {
  const at = tokenAt(tokens, mention.start);
  for (let k = at - 1; k >= 0 && k >= at - BACKGROUND_REACH; k--) {
    const token = tokens[k];
    if (!token) break;
    const lower = token.text.toLowerCase();
    if (units.backgroundWords.has(lower)) return true;
    for (const phrase of units.attributionPhrases) {
      if (phrase.every((word, n) => tokens[k + n]?.text.toLowerCase() === word)) return true;
    }
    // A clause or list boundary ends the phrase.
    if (token.pos === "VERB" || token.pos === "AUX" || /^[,;:()]$/.test(token.text)) break;
  }
  return false;
}

/** "the two", "both countries": a phrase that only points back to states named before. */
function isReferringBack(mention: ActorMention): boolean {
  return mention.via === "coreference" && /^(?:the|both|its|their|these|those|each)\b/i.test(mention.text);
}

function subjectsOf(sentence: AnalysedSentence, units: UnitTable): CountryCode[] {
  const tokens = sentence.sentence.tokens;
  // States named outright outrank those only referred back to ("Of the two, Azerbaijan ...").
  const named = sentence.mentions.filter((m) => !isReferringBack(m));
  const all = sortedStates(sortedStates(named).length > 0 ? named : sentence.mentions);
  if (all.length <= 1) return all;
  const kept = sortedStates(
    sentence.mentions.filter(
      (m) => m.country !== null && all.includes(m.country) && !isAside(tokens, m, units),
    ),
  );
  return kept.length > 0 ? kept : all;
}

function borrowedSubjects(sentence: AnalysedSentence, context: ClaimContext): CountryCode[] {
  let beyond = 0;
  let inParagraph = true;
  let after = sentence.sentence.start;
  for (let k = context.previous.length - 1; k >= 0; k--) {
    const before = context.previous[k];
    if (!before) break;
    if (context.text?.slice(before.sentence.end, after).includes("\n")) inParagraph = false;
    if (!inParagraph && ++beyond > BORROW_BEYOND_PARAGRAPH) break;
    after = before.sentence.start;
    const states = subjectsOf(before, context.units);
    if (states.length > 0) return states;
  }
  return [];
}
