import type { IsoDate } from "../../core/ids.ts";
import type { Sentence } from "../../core/ports.ts";
import { toPieces } from "../quantities/pieces.ts";
import type { UnitTable } from "../quantities/units.ts";
import type { SentenceDates } from "../types.ts";
import { anaphoricDates } from "./anaphora.ts";
import { coarser, fromIsoDate, precisionOf, toIsoDate, truncate } from "./calendar-date.ts";
import { chronoDates } from "./chrono-dates.ts";
import { chronoReference, type DateContext, PieceCursor } from "./cursor.ts";
import type { Found } from "./found.ts";
import { type Narrative, newParagraph, tellSentence, UNTOLD } from "./narrative.ts";
import { ownPatterns } from "./own-patterns.ts";
import { joinMonthAndYear, withoutOverlaps } from "./overlaps.ts";

export interface ResolveDatesOptions {
  /** Calendar words, and unit forms to tell "2000 km" from a year. */
  readonly units: UnitTable;
  /** The document text the sentences index: a line break between two sentences starts a paragraph. */
  readonly text?: string | undefined;
}

/**
 * Finds the date expressions of each sentence and resolves them against the
 * publication date and the narrative so far: "On January 26", "last year",
 * "That May", "in the first four months of 2024" (a span), "since 2003",
 * "the autumn of 2022", "on Wednesday", "the next day". A month without a
 * year takes the most recent year the document named before it, else the
 * publication year (and then never a month after publication). Each
 * sentence's `reference` is its own first date, else the time its paragraph
 * has reached, else publication's month.
 *
 * Dates are calendar dates: the result does not depend on the machine's time zone.
 */
export function resolveDates(
  sentences: readonly Sentence[],
  published: IsoDate | null,
  options: ResolveDatesOptions,
): SentenceDates[] {
  const pub = published ? fromIsoDate(published) : null;
  const context: DateContext = {
    calendar: options.units.calendar,
    units: options.units,
    published: pub,
    chronoRef: pub ? chronoReference(pub) : null,
  };
  const settle = {
    published: pub,
    fallback: pub ? toIsoDate(truncate(pub, coarser(precisionOf(pub), "month"))) : null,
  };
  const text = options.text;
  let narrative: Narrative = UNTOLD;
  // A loop, not `map`: see createSentenceView on the elements kinds of `map` results.
  const out: SentenceDates[] = [];
  sentences.forEach((sentence, k) => {
    const previous = sentences[k - 1];
    if (text !== undefined && previous && text.slice(previous.end, sentence.start).includes("\n")) {
      narrative = newParagraph(narrative);
    }
    const gate = context.calendar;
    const found =
      gate.gate.test(sentence.text) || gate.anaphoraGate.test(sentence.text)
        ? findDates(sentence, context)
        : [];
    const told = tellSentence(
      narrative,
      found,
      (start, end) => sentence.text.slice(start - sentence.start, end - sentence.start),
      settle,
    );
    out.push(told.dates);
    narrative = told.narrative;
  });
  return out;
}

/** The date expressions of one sentence, one reading of each stretch of text, in text order. */
function findDates(sentence: Sentence, context: DateContext): Found[] {
  const cursor = new PieceCursor(toPieces(sentence.tokens), context);
  const all = [...ownPatterns(cursor), ...chronoDates(sentence, cursor), ...anaphoricDates(cursor)];
  return joinMonthAndYear(withoutOverlaps(all), sentence);
}
