import { parseNumber } from "../quantities/pieces.ts";
import { isPlausibleYear, type PieceCursor } from "./cursor.ts";
import type { Found } from "./found.ts";

/** A time found from piece `i`, and the piece to read on from. */
interface Match {
  readonly found: Found;
  readonly next: number;
}

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
  "around",
]);

/**
 * Years, spans of years, decades, seasons and parts of a year ("in 2016",
 * "2024–2025", "the 1990s", "the autumn of 2022", "Q3 2023", "the first four
 * months of 2024"), and months after a cue word that chrono may not read
 * ("That May", "last March").
 */
export function ownPatterns(cursor: PieceCursor): Found[] {
  const { pieces, context } = cursor;
  const out: Found[] = [];
  for (let i = 0; i < pieces.length;) {
    const piece = pieces[i];
    const digit = piece !== undefined && piece.text.charCodeAt(0) >= 48 && piece.text.charCodeAt(0) <= 57;
    const match =
      piece && (digit || context.calendar.starters.has(piece.lower))
        ? (decadeAt(cursor, i) ??
          partAt(cursor, i) ??
          edgeAt(cursor, i) ??
          seasonAt(cursor, i) ??
          yearAt(cursor, i) ??
          monthAt(cursor, i))
        : null;
    if (match) out.push(match.found);
    i = match ? match.next : i + 1;
  }
  return out;
}

/** "the 1990s". */
function decadeAt(cursor: PieceCursor, i: number): Match | null {
  const decade = /^(\d{3})0s$/.exec(cursor.at(i)?.text ?? "");
  if (!decade) return null;
  const start = Number(decade[1]) * 10;
  if (!isPlausibleYear(start)) return null;
  return { found: cursor.time(i, i + 1, { year: start }, { year: start + 9 }), next: i + 1 };
}

/** "the first half of 2024", "Q3 2023". */
function partAt(cursor: PieceCursor, i: number): Match | null {
  const part = cursor.context.calendar.parts
    .get(cursor.lower(i))
    ?.find((p) => p.words.every((w, k) => cursor.lower(i + k) === w));
  const year = part ? cursor.yearAfter(i + part.words.length) : null;
  if (!part || !year) return null;
  const [first, last] = part.span;
  const found = cursor.time(i, year.end, { year: year.year, month: first }, { year: year.year, month: last });
  return { found, next: year.end };
}

/** "the first four months of 2024", "the last three months of 2023". */
function edgeAt(cursor: PieceCursor, i: number): Match | null {
  const { context } = cursor;
  const edge = context.calendar.edges.get(cursor.lower(i));
  if (!edge) return null;
  const countPiece = cursor.at(i + 1);
  const count = countPiece
    ? (parseNumber(countPiece.text) ?? context.units.numberWords.get(countPiece.lower))
    : undefined;
  const unit = cursor.lower(i + 2);
  if (count === undefined || count < 1 || count > 12 || (unit !== "months" && unit !== "month")) return null;
  const year = cursor.yearAfter(i + 3);
  if (!year) return null;
  const [first, last] = edge === "start" ? [1, count] : [13 - count, 12];
  const found = cursor.time(i, year.end, { year: year.year, month: first }, { year: year.year, month: last });
  return { found, next: year.end };
}

/** "the autumn of 2022", "summer 2020"; a season across the new year gives only its year. */
function seasonAt(cursor: PieceCursor, i: number): Match | null {
  const season = cursor.context.calendar.seasons.get(cursor.lower(i));
  const year = season ? cursor.yearAfter(i + 1) : null;
  if (!season || !year) return null;
  const [first, last] = season;
  const found =
    first <= last
      ? cursor.time(i, year.end, { year: year.year, month: first }, { year: year.year, month: last })
      : cursor.time(i, year.end, { year: year.year }, null);
  return { found, next: year.end };
}

/** "in 2016", "2024–2025", "from 2018 to 2022", "2024-25", "mid-2023", "late 2022". */
function yearAt(cursor: PieceCursor, i: number): Match | null {
  const year = cursor.yearAt(i);
  if (year === null) return null;
  const { calendar } = cursor.context;
  let start = i;
  const dash = cursor.at(i - 1);
  if (
    dash &&
    DASHES.has(dash.text) &&
    cursor.at(i)?.spaced === false &&
    calendar.yearPrefixes.has(cursor.lower(i - 2))
  )
    start = i - 2;
  else if (calendar.yearPrefixes.has(cursor.lower(i - 1))) start = i - 1;
  else if (cursor.lower(i - 1) === "of" && calendar.yearPrefixes.has(cursor.lower(i - 2))) start = i - 2;
  const until = spanEnd(cursor, i, year);
  const end = until === null ? i + 1 : i + 3;
  return { found: cursor.time(start, end, { year }, until === null ? null : { year: until }), next: end };
}

/** The second year of a span starting with `year` at piece `i` ("2024–2025", "2024-25"), or null. */
function spanEnd(cursor: PieceCursor, i: number, year: number): number | null {
  const joiner = cursor.at(i + 1);
  const next = cursor.at(i + 2);
  const { rangeWords } = cursor.context.calendar;
  if (!joiner || !next || !rangeWords.has(joiner.lower)) return null;
  // "and" joins a span only after "between".
  if (joiner.lower === "and" && cursor.lower(i - 1) !== "between") return null;
  const second = cursor.yearAt(i + 2);
  if (second !== null && second > year) return second;
  if (DASHES.has(joiner.text) && /^\d{2}$/.test(next.text)) {
    const short = Math.floor(year / 100) * 100 + Number(next.text);
    if (short > year) return short;
  }
  return null;
}

/** "That May", "last March": a month chrono may not read; overlaps with chrono's readings are dropped. */
function monthAt(cursor: PieceCursor, i: number): Match | null {
  const piece = cursor.at(i);
  const month = piece ? cursor.context.calendar.months.get(piece.lower) : undefined;
  if (!piece || month === undefined || !/^[A-Z][a-z]+$/.test(piece.text)) return null;
  if (piece.lower.length <= 3 && piece.lower !== "may") return null;
  const cue = cursor.lower(i - 1);
  if (!MONTH_CUES.has(cue)) return null;
  const direction = cue === "last" ? "last" : cue === "next" ? "next" : null;
  const time = cursor.time(i, i + 1, { year: 0, month }, null);
  const found: Found = {
    ...time,
    kind: "yearless",
    direction,
    start: cursor.at(direction ? i - 1 : i)?.start ?? piece.start,
  };
  return { found, next: i + 1 };
}
