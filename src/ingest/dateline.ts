import type { ParsedComponents } from "chrono-node";
// The English parser alone: `chrono-node` itself loads every locale, which costs start-up time.
import * as chrono from "chrono-node/en";
import type { IsoDate } from "../core/ids.ts";
import { isIsoDate } from "../core/ids.ts";

/**
 * A publication date written at the top of a plain text: a line such as
 * `date 2026-03-05`, `Published: 5 March 2026`, `BAKU, March 5, 2026 (AFP) —
 * ...` or `March 2026`. Only dateline-shaped lines count, never a date inside
 * a sentence ("On January 26, a delegation arrived" is news, not a dateline).
 */

/** How many non-blank lines at the top may hold the dateline (title, byline, dateline). */
const HEAD_LINES = 3;
/** Dates sit near the start of a dateline; chrono reads no further. */
const HEAD_CHARS = 120;

// What may precede the date: a place in capitals ("BAKU,", "TEL AVIV (Reuters) -"), then a
// label ("Published:", "Updated on", "date"). Words of the line format, not knowledge.
const PLACE = /^\s*(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*,?\s*(?:\([^)]{1,40}\)\s*)?[-–—:]?\s*)?/;
const LABEL =
  /^(?:(?:first |last )?(?:date|dated|published|posted|updated|released|publication date)(?: on)?\s*[:.\-–—]?\s*)?$/i;
// What may follow it: a time, a source in brackets, then the end of the line or a separator.
const AFTER =
  /^\s*(?:\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?\s*)?(?:\([^)]{1,40}\)\s*)?(?:$|[-–—:|•·]\s*)/;
const ISO_LINE = /^(.{0,40}?)(\d{4}(?:-\d{2}(?:-\d{2})?)?)\s*$/;
const NUMERIC_DATE = /^(\d{1,2})[/.](\d{1,2})[/.]\d{4}/;

/**
 * The publication date a text states in its first lines, at the precision
 * written (`2026`, `2026-03`, `2026-03-05`), or null.
 *
 * @example findDateline("Published: 5 March 2026\nIran said...") === "2026-03-05"
 */
export function findDateline(text: string): IsoDate | null {
  let seen = 0;
  let start = 0;
  while (start < text.length && seen < HEAD_LINES) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, Math.min(end, start + HEAD_CHARS));
    start = end + 1;
    if (!line.trim()) continue;
    seen++;
    const date = datelineOf(line);
    if (date) return date;
    if (newline < 0) break;
  }
  return null;
}

function datelineOf(line: string): IsoDate | null {
  const iso = ISO_LINE.exec(line);
  if (iso?.[2] && isIsoDate(iso[2]) && datelinePrefix(iso[1] ?? "")) return iso[2];
  // Only lines with a four-digit year can be datelines: skip the parser on the rest.
  if (!/\b\d{4}\b/.test(line)) return null;
  for (const result of chrono.parse(line)) {
    const before = line.slice(0, result.index);
    const after = line.slice(result.index + result.text.length);
    if (!result.start.isCertain("year")) continue;
    if (!datelinePrefix(before) || !AFTER.test(after)) continue;
    return dateOf(result.text, result.start);
  }
  return null;
}

/** Whether the text before a date is what a dateline puts there: nothing, a place, a label. */
function datelinePrefix(before: string): boolean {
  return LABEL.test(before.replace(PLACE, ""));
}

function dateOf(text: string, start: ParsedComponents): IsoDate | null {
  const year = String(start.get("year")).padStart(4, "0");
  const month = String(start.get("month")).padStart(2, "0");
  const day = String(start.get("day")).padStart(2, "0");
  const numeric = NUMERIC_DATE.exec(text);
  // 05/03/2026 is May 3 in the US and 5 March elsewhere: only the year is sure.
  const ambiguous =
    numeric && numeric[1] !== numeric[2] && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12;
  const date = ambiguous
    ? year
    : start.isCertain("day")
      ? `${year}-${month}-${day}`
      : start.isCertain("month")
        ? `${year}-${month}`
        : year;
  return isIsoDate(date) ? date : null;
}
