import type { CountryCode, Unit } from "../../core/records.ts";
import type { UnitTable } from "../quantities/units.ts";
import type { AnalysedSentence, ClaimDraft, DateMention, Quantity } from "../types.ts";
import { fallbackMetric, metricOf } from "./metric.ts";
import { periodOf } from "./period.ts";
import { tokenAt } from "./tokens.ts";
import { figureSubjects, sentenceSubjects } from "./subjects.ts";

export interface ClaimContext {
  /** The document's sentences before this one, in text order (the pipeline passes all of them). */
  readonly previous: readonly AnalysedSentence[];
  /** The document text the offsets index: a line break between sentences starts a paragraph. */
  readonly text?: string | undefined;
  /** Background and attribution words. */
  readonly units: UnitTable;
}

// How far back a sentence without states borrows them: its paragraph, then this many sentences before it.
const BORROW_BEYOND_PARAGRAPH = 2;
// A calendar span, not a measure: scorers and readers take durations in days and years ("two weeks" is 14 days).
const NOT_CLAIMED = new Set<Unit>(["month"]);
// Determiners of a phrase that refers back to a figure ("that figure", "the total").
const REFERRING = new Set(["that", "this", "the", "these", "those"]);
// A sentence naming one state takes its partners from the sentence before when that one names at most this many.
const MAX_WIDENED = 3;

/**
 * One claim per figure of the sentence: the figure with its unit and
 * qualifier, the states it is about (`subjects`), a short `metric` label from
 * the sentence and the `period` of the date expression nearest to it.
 *
 * Every figure the sentence states is a claim, hedged or not ("Israel would
 * pay about $20 million" states the sum agreed): the quantity finder already
 * leaves out what is not a figure, and month spans are left out here. Subjects
 * are the states of the sentence's actor mentions, less asides: background
 * ("after the conflict in Ukraine"), sources ("according to ...", "SIPRI
 * estimated that ..."), subordinate clauses the figure is not in; with several
 * figures each takes its own stretch of the sentence (see `figureSubjects`). A sentence that
 * names none ("Mutual investments have reached $600 million.") takes them from
 * the nearest sentence before it in its paragraph that does, and one that
 * names a single state takes its partners from there when that sentence
 * names the same state among at most three ("The Israeli delegation included
 * more than 40 representatives" after a sentence on Israel and Azerbaijan).
 * States named outright outrank those only referred back to.
 */
export function buildClaims(sentence: AnalysedSentence, context: ClaimContext): ClaimDraft[] {
  const dates = sentence.dates.mentions;
  const figures = sentence.quantities.filter((q) => !NOT_CLAIMED.has(q.unit) && !inDate(q, dates));
  if (figures.length === 0) return [];
  const tokens = sentence.sentence.tokens;
  const own = figureSubjects(sentence, figures, context.units);
  const before = borrowedSubjects(sentence, context);
  const nouns = context.units.figureNouns;
  const labels: string[] = [];
  // "... and Russia 31 percent": no verb since the figure before, so the same measure of another party.
  const gapped = (i: number): boolean => {
    const from = tokenAt(tokens, figures[i - 1]?.end ?? 0);
    const to = tokenAt(tokens, figures[i]?.start ?? 0);
    for (let k = from; k < to; k++) if (/^(?:VERB|AUX)$/.test(tokens[k]?.pos ?? "")) return false;
    return true;
  };
  // "That figure is far below ...": the metric of the figure referred to; "and Russia 31 percent": of the figure before.
  const resolved = (metric: string, i: number): string => {
    const words = metric.toLowerCase().split(" ");
    const last = words[words.length - 1] ?? "";
    const previous = figures[i - 1];
    const unit = figures[i]?.unit;
    let out = metric;
    if (words.length <= 2 && nouns.has(last) && (words.length === 1 || REFERRING.has(words[0] ?? ""))) {
      out = (i > 0 ? labels[i - 1] : previousMetric(context)) ?? metric;
    } else if (previous && unit === previous.unit && (metric === fallbackMetric(unit) || gapped(i))) {
      out = labels[i - 1] ?? metric;
    }
    labels.push(out);
    return out;
  };
  return figures.map((quantity, i) => {
    const states = own[i] ?? [];
    // One state named where the story is about it and its partners: the figure is about the pair.
    const widened =
      states.length === 1 && before.length <= MAX_WIDENED && states.every((c) => before.includes(c));
    return {
      value: quantity.value,
      valueMax: quantity.valueMax,
      unit: quantity.unit,
      qualifier: quantity.qualifier,
      subjects: states.length === 0 || widened ? before : states,
      metric: resolved(
        metricOf(sentence.sentence, tokens, quantity, sentence.mentions, dates, context.units),
        i,
      ),
      period: periodOf(nearestDate(quantity, dates)),
    };
  });
}

/**
 * "two years ago" is a date, not a duration, and "on June 23 Iran fired
 * missiles" no count: a figure whose number lies inside a date expression is
 * no claim.
 */
function inDate(quantity: Quantity, dates: readonly DateMention[]): boolean {
  const digits = /^\d/.test(quantity.text);
  return dates.some(
    (d) => d.start <= quantity.start && quantity.start < d.end && (quantity.end <= d.end || digits),
  );
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
    const states = sentenceSubjects(before, context.units);
    if (states.length > 0) return states;
  }
  return [];
}

/** The metric of the last figure of the sentence before, for a figure that refers back to it. */
function previousMetric(context: ClaimContext): string | null {
  const before = context.previous[context.previous.length - 1];
  const dates = before?.dates.mentions ?? [];
  const figures = before?.quantities.filter((q) => !NOT_CLAIMED.has(q.unit) && !inDate(q, dates)) ?? [];
  const last = figures[figures.length - 1];
  if (!before || !last) return null;
  const { sentence, mentions } = before;
  return metricOf(sentence, sentence.tokens, last, mentions, dates, context.units);
}
