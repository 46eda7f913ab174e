import type { IsoDate } from "../../core/ids.ts";
import type { DateMention, SentenceDates } from "../types.ts";
import {
  type CalendarDate,
  addDays,
  coarser,
  compareDates,
  daysBetween,
  fromIsoDate,
  precisionOf,
  toIsoDate,
  truncate,
} from "./calendar-date.ts";
import type { Found, Settled, Shift } from "./found.ts";

/** The time a document's narrative has reached, after some of its sentences. */
export interface Narrative {
  /** The year the text named last: a month written without one takes it. */
  readonly year: number | null;
  /** The time the current paragraph has reached: its undated sentences take it. */
  readonly carried: IsoDate | null;
  /** The last time told, across paragraphs ("Tehran objected the next day" may open one). */
  readonly told: IsoDate | null;
  /** The last time told to the day: "the same day" names a day. */
  readonly toldDay: IsoDate | null;
}

export const UNTOLD: Narrative = { year: null, carried: null, told: null, toldDay: null };

/** The narrative at the start of a new paragraph, which may open another episode. */
export function newParagraph(narrative: Narrative): Narrative {
  return { ...narrative, carried: null };
}

/** What settling a sentence's expressions needs besides the narrative. */
export interface SettleContext {
  readonly published: CalendarDate | null;
  /**
   * The time of a sentence with no time in the text yet: the days before
   * publication, so publication's month (not its day).
   */
  readonly fallback: IsoDate | null;
}

/** A sentence's time as far as it has been read: the narrative, its own first time, its latest. */
interface Reading {
  readonly narrative: Narrative;
  readonly own: IsoDate | null;
  /** The latest time told so far in this sentence, which anaphora refer to ("On May 3 ..., and the next day ..."). */
  readonly latest: IsoDate | null;
  readonly mentions: readonly DateMention[];
}

/**
 * Settles one sentence's expressions (in text order) against the narrative:
 * its date mentions and reference, and the narrative after it. Each sentence's
 * `reference` is its own first time, else the time its paragraph has reached,
 * else the fallback.
 */
export function tellSentence(
  narrative: Narrative,
  found: readonly Found[],
  sentenceText: (start: number, end: number) => string,
  context: SettleContext,
): { readonly dates: SentenceDates; readonly narrative: Narrative } {
  let reading: Reading = { narrative, own: null, latest: null, mentions: [] };
  for (const f of found) {
    const settled = settle(f, reading, context.published);
    if (settled) reading = told(reading, settled, sentenceText);
  }
  const after = reading.own ? { ...reading.narrative, carried: reading.own } : reading.narrative;
  return {
    dates: { mentions: reading.mentions, reference: reading.own ?? after.carried ?? context.fallback },
    narrative: after,
  };
}

/** The reading after one settled time: its mention, and for a point the narrative's move to it. */
function told(reading: Reading, s: Settled, sentenceText: (start: number, end: number) => string): Reading {
  const date = toIsoDate(s.date);
  if (!date) return reading;
  const until = s.until ? toIsoDate(s.until) : null;
  const at =
    s.role === "point" && s.until ? toIsoDate(truncate(s.date, commonPrecision(s.date, s.until))) : date;
  const mention: DateMention = {
    start: s.start,
    end: s.end,
    text: sentenceText(s.start, s.end),
    date,
    until: until === date ? null : until,
    at,
  };
  const mentions = [...reading.mentions, mention];
  if (s.role !== "point") return { ...reading, mentions };
  const n = reading.narrative;
  const narrative: Narrative = {
    ...n,
    year: (s.until ?? s.date).year,
    told: at ?? n.told,
    toldDay: at && precisionOf(fromIsoDate(at)) === "day" ? at : n.toldDay,
  };
  return { narrative, own: reading.own ?? at, latest: at, mentions };
}

/** A found expression with its year, or null when the narrative cannot give it one. */
function settle(f: Found, reading: Reading, published: CalendarDate | null): Settled | null {
  switch (f.kind) {
    case "dated":
      return f;
    case "yearless":
      return settleYear(f, reading.narrative.year, published);
    case "anaphoric": {
      const anchor = anchorOf(f.shift, reading);
      if (!anchor) return null;
      return {
        start: f.start,
        end: f.end,
        role: "point",
        date: shifted(fromIsoDate(anchor), f.shift),
        until: null,
      };
    }
    default:
      return f satisfies never;
  }
}

/**
 * What an anaphoric time counts from: the sentence's latest time, if precise
 * enough for the unit, else the last time the document told (to the day for
 * days and weeks).
 */
function anchorOf(shift: Shift, reading: Reading): IsoDate | null {
  const byDay = shift.unit === "day" || shift.unit === "week";
  const { latest, narrative } = reading;
  if (latest && (!byDay || precisionOf(fromIsoDate(latest)) === "day")) return latest;
  return (byDay ? narrative.toldDay : null) ?? narrative.told;
}

/** The date `shift` units after (or before) `anchor`, no more precise than the anchor or the unit. */
function shifted(anchor: CalendarDate, shift: Shift): CalendarDate {
  const { unit, amount } = shift;
  if (unit === "year") return { year: anchor.year + amount };
  if (unit === "month") {
    if (anchor.month === undefined) return { year: anchor.year };
    const index = anchor.year * 12 + anchor.month - 1 + amount;
    return { year: Math.floor(index / 12), month: (index % 12) + 1 };
  }
  const days = unit === "week" ? amount * 7 : amount;
  // "The next day" of a month or year is still that month or year.
  if (anchor.day === undefined || days === 0) return anchor;
  return addDays(anchor, days);
}

/** The precision at which a span's ends agree: "2022-09/2022-11" is "2022". */
function commonPrecision(a: CalendarDate, b: CalendarDate): "year" | "month" | "day" {
  if (a.year !== b.year) return "year";
  if (a.month !== b.month) return "year";
  return coarser(precisionOf(a), precisionOf(b));
}

/** How close before publication a day written without its year is the news itself rather than the narrative's. */
const NEWS_PEG_DAYS = 31;

/**
 * The year of a day written without one ("welcomed the vote on November 18")
 * when it falls in the weeks just before publication: the news the article
 * reports, whatever year its background named last. Null otherwise.
 */
function newsPegYear(date: CalendarDate, pub: CalendarDate): number | null {
  if (date.day === undefined || date.month === undefined || pub.day === undefined) return null;
  for (const year of [pub.year, pub.year - 1]) {
    const days = daysBetween({ ...date, year }, pub);
    if (days >= 0) return days <= NEWS_PEG_DAYS ? year : null;
  }
  return null;
}

/**
 * Gives a month written without a year a year: the nearest such month for
 * "last May"/"next March", publication's for a day just before it (`newsPegYear`),
 * else the narrative's, else publication's. Null if none is known.
 */
function settleYear(
  found: Found & { kind: "yearless" },
  narrativeYear: number | null,
  pub: CalendarDate | null,
): Settled | null {
  const month = found.date.month ?? 1;
  const peg = pub ? newsPegYear(found.date, pub) : null;
  let year: number;
  if (found.direction && pub) {
    const pubMonth = pub.month ?? 12;
    if (found.direction === "last") year = month < pubMonth ? pub.year : pub.year - 1;
    else year = month > pubMonth ? pub.year : pub.year + 1;
  } else if (peg !== null) {
    year = peg;
  } else if (narrativeYear !== null) {
    year = narrativeYear;
  } else if (pub) {
    year = pub.year;
    // Written without a year in an article: a month after publication is last year's.
    if (compareDates({ ...found.date, year }, pub) > 0 && pub.month !== undefined) year--;
  } else {
    return null;
  }
  const until = found.until && {
    ...found.until,
    year: found.until.month !== undefined && found.until.month < month ? year + 1 : year,
  };
  return { start: found.start, end: found.end, role: found.role, date: { ...found.date, year }, until };
}
