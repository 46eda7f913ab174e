import * as chrono from "chrono-node/en";
import type { Sentence } from "../../core/ports.ts";
import { type CalendarDate, addDays, coarser, precisionOf, truncate, weekdayOf } from "./calendar-date.ts";
import type { DateContext, PieceCursor } from "./cursor.ts";
import type { Found } from "./found.ts";

// chrono reads the pieces from this many before a trigger word to this many after it.
const WINDOW_BEFORE = 3;
const WINDOW_AFTER = 5;

/** Whether chrono should look at the pieces around `k`: a month, a weekday, or a relative phrase. */
function isTrigger(cursor: PieceCursor, k: number): boolean {
  const piece = cursor.at(k);
  if (!piece) return false;
  const { calendar } = cursor.context;
  const capital = /^[A-Z]/.test(piece.text);
  if (capital && (calendar.months.has(piece.lower.replace(/\.$/, "")) || calendar.weekdays.has(piece.lower)))
    return true;
  if (calendar.relativeWords.has(piece.lower)) return true;
  return calendar.relativeHeads.has(piece.lower) && calendar.relativeUnits.has(cursor.at(k + 1)?.lemma ?? "");
}

/**
 * Months, days, weekdays and relative phrases ("On January 26", "on
 * Wednesday", "two years ago", "June of last year"), read by chrono-node in
 * short windows around a trigger word: chrono is slow on whole texts.
 */
export function chronoDates(sentence: Sentence, cursor: PieceCursor): Found[] {
  const { pieces, context } = cursor;
  const windows: [number, number][] = [];
  for (let k = 0; k < pieces.length; k++) {
    if (!isTrigger(cursor, k)) continue;
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
      if (found.kind === "dated" && before && context.calendar.sinceWords.has(before.lower)) {
        out.push({ ...found, role: "since", until: found.until ?? context.published });
      } else {
        out.push(found);
      }
    }
  }
  return out;
}

function fromChrono(result: chrono.ParsedResult, offset: number, context: DateContext): Found | null {
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
  if (year === undefined) {
    return { kind: "yearless", start, end, chrono: true, role: "point", date, until, direction: null };
  }
  return chronoPoint(start, end, date, until);
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
): Found {
  return { kind: "dated", start, end, chrono: true, role: "point", date, until };
}
