import type { ClaimQuery, EventQuery } from "../../core/ports.ts";
import { dayRange } from "../../core/calendar.ts";
import { isCountryCode } from "../../core/codes.ts";

/** A SQL condition with its positional parameters. */
export interface Where {
  readonly sql: string;
  readonly params: readonly (string | number)[];
}

function where(conditions: readonly Where[]): Where {
  return conditions.length === 0
    ? { sql: "", params: [] }
    : {
        sql: `WHERE ${conditions.map((c) => c.sql).join(" AND ")}`,
        params: conditions.flatMap((c) => c.params),
      };
}

/**
 * One side of an event: a country code matches the side's country (so `AZE`
 * finds Azerbaijan and its president; a state's own events carry its code as
 * country, which saving checks), anything else the actor id.
 */
function side(column: "source" | "target", value: string): Where {
  return isCountryCode(value)
    ? { sql: `${column}_country = ?`, params: [value] }
    : { sql: `${column} = ?`, params: [value] };
}

/**
 * The conditions of an event query other than `actor`. Dates: an event is kept
 * when the days it covers overlap the days from `from`'s first to `to`'s last,
 * each bound at its own precision; so an event dated `2023` is kept for
 * `from=2023-04`, and undated events are left out whenever a bound is given.
 */
function eventConditions(query: EventQuery): Where[] {
  const conditions: Where[] = [];
  if (query.source !== undefined) conditions.push(side("source", query.source));
  if (query.target !== undefined) conditions.push(side("target", query.target));
  if (query.root !== undefined) conditions.push({ sql: "root = ?", params: [query.root] });
  if (query.from !== undefined) {
    const first = dayRange(query.from).first;
    // An event spans at most a year, so one that ends on or after `first`
    // starts after the same day a year earlier: the redundant bound turns a
    // scan of everything before `to` into a range of the day indexes.
    conditions.push({ sql: "day_last >= ? AND day_first >= ?", params: [first, yearEarlier(first)] });
  }
  if (query.to !== undefined) conditions.push({ sql: "day_first <= ?", params: [dayRange(query.to).last] });
  if (query.doc !== undefined) conditions.push({ sql: "doc = ?", params: [query.doc] });
  return conditions;
}

/** The WHERE clause of an event query (for counting: SQLite counts an OR of two indexes quickly). */
export function eventWhere(query: EventQuery): Where {
  const conditions = eventConditions(query);
  if (query.actor !== undefined) {
    const source = side("source", query.actor);
    const target = side("target", query.actor);
    conditions.push({
      sql: `(${source.sql} OR ${target.sql})`,
      params: [...source.params, ...target.params],
    });
  }
  return where(conditions);
}

/**
 * One page of an event query in date-then-document order, selecting `columns`.
 * An `actor` filter pages through a union of the two sides' index ranges,
 * which SQLite merges in order instead of sorting every match.
 */
export function eventPage(query: EventQuery, columns: string): Where {
  const order = "ORDER BY day_first, seq";
  const paging = [query.limit, query.offset];
  if (query.actor === undefined) {
    const w = where(eventConditions(query));
    return {
      sql: `SELECT ${columns} FROM events ${w.sql} ${order} LIMIT ? OFFSET ?`,
      params: [...w.params, ...paging],
    };
  }
  const bySide = (column: "source" | "target"): Where =>
    where([side(column, query.actor ?? ""), ...eventConditions(query)]);
  const source = bySide("source");
  const target = bySide("target");
  return {
    sql: `SELECT ${columns} FROM (
        SELECT seq AS page_seq, day_first AS page_day FROM events ${source.sql}
        UNION SELECT seq, day_first FROM events ${target.sql}
        ORDER BY 2, 1 LIMIT ? OFFSET ?
      ) JOIN events ON seq = page_seq ORDER BY page_day, page_seq`,
    params: [...source.params, ...target.params, ...paging],
  };
}

/** `2023-04-01` -> `2022-04-01`; the empty string (before every day) for year 0. */
function yearEarlier(day: string): string {
  const year = Number(day.slice(0, 4));
  return year > 0 ? `${String(year - 1).padStart(4, "0")}${day.slice(4)}` : "";
}

/** `%`, `_` and the escape character itself are literal in a user's words. */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE clause of a claim query; every word of `q` must be in the metric or the quote. */
export function claimWhere(query: ClaimQuery): Where {
  const conditions: Where[] = [];
  if (query.subject !== undefined) {
    conditions.push({
      sql: "seq IN (SELECT claim FROM claim_subjects WHERE subject = ?)",
      params: [query.subject],
    });
  }
  if (query.unit !== undefined) conditions.push({ sql: "unit = ?", params: [query.unit] });
  if (query.doc !== undefined) conditions.push({ sql: "doc = ?", params: [query.doc] });
  for (const word of (query.q ?? "").split(/\s+/).filter(Boolean)) {
    const pattern = likePattern(word);
    conditions.push({
      sql: "(metric LIKE ? ESCAPE '\\' OR quote LIKE ? ESCAPE '\\')",
      params: [pattern, pattern],
    });
  }
  return where(conditions);
}
