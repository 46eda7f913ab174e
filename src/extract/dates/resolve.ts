import * as chrono from "chrono-node/en";
import type { IsoDate } from "../../core/ids.ts";
import type { Sentence } from "../../core/ports.ts";
import { matchForm } from "../quantities/find.ts";
import { type Piece, parseNumber, toPieces } from "../quantities/pieces.ts";
import type { UnitTable } from "../quantities/units.ts";
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
  weekdayOf,
} from "./calendar-date.ts";
import type { CalendarUnit, CalendarWords } from "./calendar.ts";

export interface ResolveDatesOptions {
  /** Calendar words, and unit forms to tell "2000 km" from a year. */
  readonly units: UnitTable;
  /** The document text the sentences index: a line break between two sentences starts a paragraph. */
  readonly text?: string | undefined;
}

/** A date expression found in a sentence, before its year is settled. */
interface Found {
  readonly start: number;
  end: number;
  date: CalendarDate;
  until: CalendarDate | null;
  /** `since` spans ("since 2003") run to publication and set no narrative time. */
  readonly role: "point" | "since";
  /** A month or day written without its year: the narrative gives it. */
  needsYear: boolean;
  /** "last May", "next March": the nearest such month before or after publication. */
  readonly direction: "last" | "next" | null;
  readonly chrono: boolean;
  /** An anaphoric time ("the next day", "two months later"): this shift from the narrative's time. */
  readonly shift: { readonly unit: CalendarUnit; readonly amount: number } | null;
}

interface Context {
  readonly calendar: CalendarWords;
  readonly units: UnitTable;
  readonly published: CalendarDate | null;
  /** Publication at noon UTC; a plain `Date`, because a reference with a time zone makes chrono five times slower. */
  readonly chronoRef: Date | null;
}

const YEAR_MIN = 1800;
const YEAR_MAX = 2099;
const DASHES = new Set(["-", "–", "—"]);
// A capitalised month name after one of these is a month even when it could be a word ("That May").
const MONTH_CUES = new Set([
  "that",
  "this",
  "last",
  "next",
  "in",
  "of",
  "since",
  "by",
  "until",
  "till",
  "early",
  "late",
  "mid",
  "during",
  "from",
  "to",
  "before",
  "after",
  "through",
  "between",
  "and",
  "on",
  "each",
  "every",
  "until",
  "around",
]);
const WINDOW_BEFORE = 3;
const WINDOW_AFTER = 5;

/**
 * Finds the date expressions of each sentence and resolves them against the
 * publication date and the narrative so far: "On January 26", "last year",
 * "That May", "in the first four months of 2024" (a span), "since 2003",
 * "the autumn of 2022", "on Wednesday". A month without a year takes the most
 * recent year the document named before it, else the publication year (and
 * then never a month after publication). Each sentence's `reference` is its
 * own first date, else the time its paragraph has reached, else publication.
 *
 * chrono-node reads months, days, weekdays and relative phrases, and only in
 * short windows around a trigger word, because it is slow on whole texts;
 * years, spans, seasons and parts of years are read by our own patterns.
 */
export function resolveDates(
  sentences: readonly Sentence[],
  published: IsoDate | null,
  options: ResolveDatesOptions,
): SentenceDates[] {
  const pub = published ? fromIsoDate(published) : null;
  const context: Context = {
    calendar: options.units.calendar,
    units: options.units,
    published: pub,
    chronoRef: pub
      ? new Date(Date.UTC(pub.year, (pub.month ?? 7) - 1, pub.day ?? (pub.month ? 15 : 1), 12))
      : null,
  };
  const text = options.text;
  let narrativeYear: number | null = null;
  // The time the narrative has reached: the last own time of a sentence of this paragraph.
  let carried: IsoDate | null = null;
  let previousEnd = -1;
  // What anaphora refer back to, across paragraphs ("Tehran objected the next day" may open one):
  // the last time told, and the last told to the day ("the same day" names a day).
  let told: IsoDate | null = null;
  let toldDay: IsoDate | null = null;
  // With no time in the text yet, an event is of the days before publication: its month, not its day.
  const fallback = pub ? toIsoDate(truncate(pub, coarser(precisionOf(pub), "month"))) : null;
  // A loop, not `map`: see createSentenceView on the elements kinds of `map` results.
  const out: SentenceDates[] = [];
  for (const sentence of sentences) {
    // A new paragraph may open another episode: its undated sentences fall back to publication.
    if (text !== undefined && previousEnd >= 0 && text.slice(previousEnd, sentence.start).includes("\n")) {
      carried = null;
    }
    previousEnd = sentence.end;
    const calendar = context.calendar;
    const found =
      calendar.gate.test(sentence.text) || calendar.anaphoraGate.test(sentence.text)
        ? findDates(sentence, context)
        : [];
    const mentions: DateMention[] = [];
    let own: IsoDate | null = null;
    // The latest time told so far in this sentence, which anaphora refer to ("On May 3 ..., and the next day ...").
    let latest: IsoDate | null = null;
    for (const f of found) {
      if (f.shift) {
        const byDay = f.shift.unit === "day" || f.shift.unit === "week";
        const anchor =
          latest && (!byDay || precisionOf(fromIsoDate(latest)) === "day")
            ? latest
            : ((byDay ? toldDay : null) ?? told);
        if (!anchor) continue;
        f.date = shifted(fromIsoDate(anchor), f.shift);
      }
      if (f.needsYear && !settleYear(f, narrativeYear, context)) continue;
      const date = toIsoDate(f.date);
      if (!date) continue;
      const until = f.until ? toIsoDate(f.until) : null;
      const at =
        f.role === "point" && f.until ? toIsoDate(truncate(f.date, commonPrecision(f.date, f.until))) : date;
      mentions.push({
        start: f.start,
        end: f.end,
        text: sentence.text.slice(f.start - sentence.start, f.end - sentence.start),
        date,
        until: until === date ? null : until,
        at,
      });
      if (f.role === "point") {
        narrativeYear = (f.until ?? f.date).year;
        own ??= at;
        latest = at;
        if (at) {
          told = at;
          if (precisionOf(fromIsoDate(at)) === "day") toldDay = at;
        }
      }
    }
    if (own) carried = own;
    out.push({ mentions, reference: own ?? carried ?? fallback });
  }
  return out;
}

/** The date `shift` units after (or before) `anchor`, no more precise than the anchor or the unit. */
function shifted(anchor: CalendarDate, shift: { unit: CalendarUnit; amount: number }): CalendarDate {
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
 * else the narrative's, else publication's. False if none is known.
 */
function settleYear(found: Found, narrativeYear: number | null, context: Context): boolean {
  const pub = context.published;
  const month = found.date.month ?? 1;
  const peg = pub ? newsPegYear(found.date, pub) : null;
  let year: number;
  if (found.direction && pub) {
    const pubMonth = pub.month ?? 12;
    year =
      found.direction === "last"
        ? month < pubMonth
          ? pub.year
          : pub.year - 1
        : month > pubMonth
          ? pub.year
          : pub.year + 1;
  } else if (peg !== null) {
    year = peg;
  } else if (narrativeYear !== null) {
    year = narrativeYear;
  } else if (pub) {
    year = pub.year;
    // Written without a year in an article: a month after publication is last year's.
    if (compareDates({ ...found.date, year }, pub) > 0 && pub.month !== undefined) year--;
  } else {
    return false;
  }
  found.date = { ...found.date, year };
  if (found.until)
    found.until = {
      ...found.until,
      year: found.until.month !== undefined && found.until.month < month ? year + 1 : year,
    };
  found.needsYear = false;
  return true;
}

function findDates(sentence: Sentence, context: Context): Found[] {
  const pieces = toPieces(sentence.tokens);
  const all = [
    ...ownPatterns(pieces, context),
    ...chronoDates(sentence, pieces, context),
    ...anaphoricDates(pieces, context),
  ];
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const f of all) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) {
      // Overlap: keep the longer; on a tie, chrono's reading of a month and day.
      if (
        f.end - f.start > last.end - last.start ||
        (f.end - f.start === last.end - last.start && f.chrono)
      ) {
        kept[kept.length - 1] = f;
      }
      continue;
    }
    kept.push(f);
  }
  return joinMonthAndYear(kept, sentence);
}

/** "June of last year", "May, 2024": a month read alone takes the year that follows it. */
function joinMonthAndYear(found: Found[], sentence: Sentence): Found[] {
  const out: Found[] = [];
  for (let k = 0; k < found.length; k++) {
    const a = found[k];
    const b = found[k + 1];
    if (!a) continue;
    const between = b ? sentence.text.slice(a.end - sentence.start, b.start - sentence.start) : "";
    if (
      b &&
      a.needsYear &&
      !b.needsYear &&
      b.date.month === undefined &&
      b.until === null &&
      /^\s*(?:of\s+|,\s*)?$/i.test(between)
    ) {
      a.date = { ...a.date, year: b.date.year };
      if (a.until) a.until = { ...a.until, year: b.date.year };
      a.needsYear = false;
      a.end = b.end;
      out.push(a);
      k++;
      continue;
    }
    out.push(a);
  }
  return out;
}

function isYear(piece: Piece | undefined): boolean {
  if (!piece || !/^\d{4}$/.test(piece.text)) return false;
  const n = Number(piece.text);
  return n >= YEAR_MIN && n <= YEAR_MAX;
}

/** A year that is a year, not "2000 km", "$2024" or "Resolution 2000". */
function yearAt(pieces: readonly Piece[], k: number, context: Context): number | null {
  const piece = pieces[k];
  if (!isYear(piece) || !piece) return null;
  const before = pieces[k - 1];
  if (
    before &&
    (context.units.nameWords.has(before.lower) || matchForm(pieces, k - 1, context.units, "before"))
  )
    return null;
  if (matchForm(pieces, k + 1, context.units, "after")) return null;
  const after = pieces[k + 1];
  if (after && (context.units.countNouns.has(after.lemma) || context.units.countNouns.has(after.lower)))
    return null;
  return Number(piece.text);
}

/** Years, spans of years, decades, seasons and parts of a year. */
function ownPatterns(pieces: readonly Piece[], context: Context): Found[] {
  const { calendar } = context;
  const out: Found[] = [];
  const make = (
    from: number,
    to: number,
    date: CalendarDate,
    until: CalendarDate | null,
    extra: Partial<Found> = {},
  ): Found => {
    // "since 2003", "since the 1990s"
    let first = from;
    if (pieces[first - 1]?.lower === "the") first--;
    const since = calendar.sinceWords.has(pieces[first - 1]?.lower ?? "");
    const pub = context.published;
    return {
      start: pieces[from]?.start ?? 0,
      end: pieces[to - 1]?.end ?? 0,
      date,
      until: since ? (pub ?? null) : until,
      role: since ? "since" : "point",
      needsYear: false,
      direction: null,
      chrono: false,
      shift: null,
      ...extra,
    };
  };
  // The year after piece `k` ("of 2024", "2024"), and the index after it.
  const yearAfter = (k: number): { year: number; end: number } | null => {
    const at = pieces[k]?.lower === "of" ? k + 1 : k;
    const year = yearAt(pieces, at, context);
    return year === null ? null : { year, end: at + 1 };
  };

  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece) continue;
    const lower = piece.lower;
    const digit = piece.text.charCodeAt(0) >= 48 && piece.text.charCodeAt(0) <= 57;
    if (!digit && !calendar.starters.has(lower)) continue;

    // "the 1990s"
    const decade = digit ? /^(\d{3})0s$/.exec(piece.text) : null;
    if (decade) {
      const start = Number(decade[1]) * 10;
      if (start >= YEAR_MIN && start <= YEAR_MAX)
        out.push(make(i, i + 1, { year: start }, { year: start + 9 }));
      continue;
    }

    // "the first half of 2024", "Q3 2023"
    const part = calendar.parts.get(lower)?.find((p) => p.words.every((w, k) => pieces[i + k]?.lower === w));
    if (part) {
      const year = yearAfter(i + part.words.length);
      if (year) {
        out.push(
          make(
            i,
            year.end,
            { year: year.year, month: part.span[0] },
            { year: year.year, month: part.span[1] },
          ),
        );
        i = year.end - 1;
        continue;
      }
    }

    // "the first four months of 2024", "the last three months of 2023"
    const edge = calendar.edges.get(lower);
    if (edge) {
      const countPiece = pieces[i + 1];
      const count = countPiece
        ? (parseNumber(countPiece.text) ?? context.units.numberWords.get(countPiece.lower))
        : undefined;
      const unit = pieces[i + 2]?.lower;
      if (count !== undefined && count >= 1 && count <= 12 && (unit === "months" || unit === "month")) {
        const year = yearAfter(i + 3);
        if (year) {
          const [m1, m2] = edge === "start" ? [1, count] : [13 - count, 12];
          out.push(make(i, year.end, { year: year.year, month: m1 }, { year: year.year, month: m2 }));
          i = year.end - 1;
          continue;
        }
      }
    }

    // "the autumn of 2022", "summer 2020"
    const season = calendar.seasons.get(lower);
    if (season) {
      const year = yearAfter(i + 1);
      if (year) {
        const [m1, m2] = season;
        const span =
          m1 <= m2
            ? { date: { year: year.year, month: m1 }, until: { year: year.year, month: m2 } }
            : { date: { year: year.year }, until: null };
        out.push(make(i, year.end, span.date, span.until));
        i = year.end - 1;
        continue;
      }
    }

    // "in 2016", "2024–2025", "from 2018 to 2022", "2024-25", "mid-2023", "late 2022"
    const year = yearAt(pieces, i, context);
    if (year !== null) {
      let start = i;
      const dash = pieces[i - 1];
      if (
        dash &&
        DASHES.has(dash.text) &&
        !piece.spaced &&
        calendar.yearPrefixes.has(pieces[i - 2]?.lower ?? "")
      )
        start = i - 2;
      else if (calendar.yearPrefixes.has(dash?.lower ?? "")) start = i - 1;
      else if (dash?.lower === "of" && calendar.yearPrefixes.has(pieces[i - 2]?.lower ?? "")) start = i - 2;
      const joiner = pieces[i + 1];
      const next = pieces[i + 2];
      let until: number | null = null;
      if (
        joiner &&
        next &&
        calendar.rangeWords.has(joiner.lower) &&
        (joiner.lower !== "and" || pieces[i - 1]?.lower === "between")
      ) {
        const second = yearAt(pieces, i + 2, context);
        if (second !== null && second > year) until = second;
        else if (DASHES.has(joiner.text) && /^\d{2}$/.test(next.text)) {
          const short = Math.floor(year / 100) * 100 + Number(next.text);
          if (short > year) until = short;
        }
      }
      const end = until === null ? i + 1 : i + 3;
      out.push(make(start, end, { year }, until === null ? null : { year: until }));
      i = end - 1;
      continue;
    }

    // "That May", "last March": a month chrono may not read; overlaps with chrono's readings are dropped.
    const month = calendar.months.get(lower);
    if (month !== undefined && /^[A-Z][a-z]+$/.test(piece.text) && (lower.length > 3 || lower === "may")) {
      const cue = pieces[i - 1]?.lower;
      if (cue !== undefined && MONTH_CUES.has(cue)) {
        const direction = cue === "last" ? "last" : cue === "next" ? "next" : null;
        out.push({
          ...make(i, i + 1, { year: 0, month }, null),
          needsYear: true,
          direction,
          start: pieces[direction ? i - 1 : i]?.start ?? piece.start,
        });
      }
    }
  }
  return out;
}

/**
 * Times told against the narrative: "the same day", "that month", "the next
 * day", "the following year", "two days later", "a month earlier". Their dates
 * are settled in `resolveDates`, from the time the narrative has reached.
 */
function anaphoricDates(pieces: readonly Piece[], context: Context): Found[] {
  const { calendar } = context;
  const out: Found[] = [];
  for (let k = 1; k < pieces.length; k++) {
    const unitPiece = pieces[k];
    const unit = unitPiece ? calendar.anaphoraUnits.get(unitPiece.lower) : undefined;
    if (!unitPiece || unit === undefined) continue;
    const before = pieces[k - 1]?.lower ?? "";
    const head = calendar.anaphoraHeads.get(before);
    const singular = !unitPiece.lower.endsWith("s");
    let first = -1;
    let last = k;
    let amount = 0;
    if (head !== undefined && singular) {
      // "that day" stands alone; "the next day", "that same month" need their determiner.
      const determiner = pieces[k - 2]?.lower;
      if (before === "that") first = k - 1;
      else if (determiner === "the" || determiner === "that") first = k - 2;
      amount = head;
    } else {
      const direction = calendar.anaphoraTails.get(pieces[k + 1]?.lower ?? "");
      const count =
        before === "a" || before === "an"
          ? 1
          : (parseNumber(pieces[k - 1]?.text ?? "") ?? context.units.numberWords.get(before));
      if (direction !== undefined && count !== undefined && count > 0 && count < 100) {
        first = k - 1;
        last = k + 1;
        amount = direction * count;
      }
    }
    const start = pieces[first];
    const end = pieces[last];
    if (first < 0 || !start || !end) continue;
    out.push({
      start: start.start,
      end: end.end,
      date: { year: 0 },
      until: null,
      role: "point",
      needsYear: false,
      direction: null,
      chrono: false,
      shift: { unit, amount },
    });
  }
  return out;
}

/** Whether chrono should look at the pieces around `k`: a month, a weekday, or a relative phrase. */
function isTrigger(pieces: readonly Piece[], k: number, calendar: CalendarWords): boolean {
  const piece = pieces[k];
  if (!piece) return false;
  const capital = /^[A-Z]/.test(piece.text);
  if (capital && (calendar.months.has(piece.lower.replace(/\.$/, "")) || calendar.weekdays.has(piece.lower)))
    return true;
  if (calendar.relativeWords.has(piece.lower)) return true;
  return calendar.relativeHeads.has(piece.lower) && calendar.relativeUnits.has(pieces[k + 1]?.lemma ?? "");
}

function chronoDates(sentence: Sentence, pieces: readonly Piece[], context: Context): Found[] {
  const { calendar } = context;
  const windows: [number, number][] = [];
  for (let k = 0; k < pieces.length; k++) {
    if (!isTrigger(pieces, k, calendar)) continue;
    const from = Math.max(0, k - WINDOW_BEFORE);
    const to = Math.min(pieces.length - 1, k + WINDOW_AFTER);
    const last = windows[windows.length - 1];
    if (last && from <= last[1] + 1) last[1] = to;
    else windows.push([from, to]);
  }
  const out: Found[] = [];
  for (const [from, to] of windows) {
    const first = pieces[from];
    const last = pieces[to];
    if (!first || !last) continue;
    const text = sentence.text.slice(first.start - sentence.start, last.end - sentence.start);
    const results = context.chronoRef
      ? chrono.casual.parse(text, context.chronoRef, { forwardDate: false })
      : chrono.casual.parse(text, undefined, { forwardDate: false });
    for (const result of results) {
      const found = fromChrono(result, first.start, context);
      if (!found) continue;
      // "since March 2022": an open span to publication.
      const before = pieces.findLast((p) => p.end <= found.start);
      if (before && calendar.sinceWords.has(before.lower) && !found.needsYear) {
        out.push({ ...found, role: "since", until: found.until ?? context.published });
      } else {
        out.push(found);
      }
    }
  }
  return out;
}

function fromChrono(result: chrono.ParsedResult, offset: number, context: Context): Found | null {
  const { calendar } = context;
  const lead = /^(?:on|in|at)\s+/i.exec(result.text)?.[0].length ?? 0;
  const text = result.text
    .slice(lead)
    .replace(/(?:[\s,.;:]+(?:of|on|in)?)+$/i, "")
    .replace(/\s+of$/i, "");
  if (!text) return null;
  const words = text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  const relative = words.some((w) => calendar.relativeWords.has(w) || calendar.relativeHeads.has(w));
  const start = offset + result.index + lead;
  const end = start + text.length;
  const c = result.start;
  const known = (k: chrono.Component): number | undefined =>
    c.isCertain(k) ? (c.get(k) ?? undefined) : undefined;
  const pub = context.published;

  if (
    relative &&
    !c.isCertain("month") &&
    !c.isCertain("year") &&
    !c.isCertain("day") &&
    !c.isCertain("weekday")
  )
    return null;
  if (relative) {
    if (!pub) return null;
    // "over the last years": a plural without a count is no date.
    const counted =
      /\d/.test(text) || words.some((w) => context.units.numberWords.has(w) || w === "a" || w === "an");
    if (!counted && words.some((w) => /(?:year|month|week|day|decade)s$/.test(w))) return null;
    const weekday = known("weekday");
    if (weekday !== undefined && known("day") === undefined)
      return weekdayFound(start, end, weekday, words, pub);
    let date: CalendarDate = {
      year: c.get("year") ?? pub.year,
      month: c.get("month") ?? undefined,
      day: c.get("day") ?? undefined,
    };
    let precision = known("day") !== undefined ? "day" : known("month") !== undefined ? "month" : "year";
    if (words.some((w) => w.startsWith("week"))) precision = coarser(precision as "day", "month");
    date = truncate(date, coarser(precision as "day", precisionOf(pub)));
    return chronoPoint(start, end, date);
  }

  // Absolute: a month or weekday written with a capital, or an ISO date.
  const iso = /\d{4}-\d{2}-\d{2}/.test(text);
  const named = text
    .split(/[^A-Za-z.]+/)
    .some(
      (w) =>
        /^[A-Z]/.test(w) &&
        (calendar.months.has(w.toLowerCase().replace(/\.$/, "")) || calendar.weekdays.has(w.toLowerCase())),
    );
  if (!iso && !named) return null;
  const month = known("month");
  const year = known("year");
  if (month === undefined) {
    const weekday = known("weekday");
    if (weekday === undefined || !pub) return null;
    return weekdayFound(start, end, weekday, words, pub);
  }
  const date: CalendarDate = { year: year ?? 0, month, day: known("day") };
  let until: CalendarDate | null = null;
  if (result.end?.isCertain("month")) {
    const e = result.end;
    until = {
      year: e.isCertain("year") ? (e.get("year") ?? date.year) : date.year,
      month: e.get("month") ?? month,
      day: e.isCertain("day") ? (e.get("day") ?? undefined) : undefined,
    };
  }
  return chronoPoint(start, end, date, until, year === undefined);
}

/** "on Wednesday": that weekday on or before publication when publication has a day, else publication's own precision. */
function weekdayFound(
  start: number,
  end: number,
  weekday: number,
  words: readonly string[],
  pub: CalendarDate,
): Found {
  let date: CalendarDate = pub;
  if (precisionOf(pub) === "day") {
    const back = (weekdayOf(pub) - weekday + 7) % 7;
    if (words.includes("next")) date = addDays(pub, (weekday - weekdayOf(pub) + 7) % 7 || 7);
    else date = addDays(pub, words.includes("last") && back === 0 ? -7 : -back);
  }
  return chronoPoint(start, end, date);
}

/** A point in time as chrono read it. */
function chronoPoint(
  start: number,
  end: number,
  date: CalendarDate,
  until: CalendarDate | null = null,
  needsYear = false,
): Found {
  return { start, end, date, until, role: "point", needsYear, direction: null, chrono: true, shift: null };
}
