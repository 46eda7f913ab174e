import type { ClaimQuery, EventQuery } from "../../core/ports.ts";
import { dayRange } from "../../core/calendar.ts";
import type { Params } from "./params.ts";
import { isCountryCode } from "../../core/codes.ts";

// The filters of SQLite's filters.ts, with the same meaning, as PostgreSQL
// conditions whose values go into the statement's `Params`.

function where(conditions: readonly string[]): string {
  return conditions.length === 0 ? "" : `WHERE ${conditions.join(" AND ")}`;
}

/** One side of an event: a country code matches the side's country, anything else the actor id. */
function side(column: "source" | "target", value: string, p: Params): string {
  return isCountryCode(value) ? `${column}_country = ${p.add(value)}` : `${column} = ${p.add(value)}`;
}

/**
 * The conditions of an event query other than `actor`. Dates: an event is kept
 * when the days it covers overlap the days from `from`'s first to `to`'s last,
 * each bound at its own precision; undated events are left out whenever a
 * bound is given (see migration 0001).
 */
function eventConditions(query: EventQuery, p: Params): string[] {
  const conditions: string[] = [];
  if (query.source !== undefined) conditions.push(side("source", query.source, p));
  if (query.target !== undefined) conditions.push(side("target", query.target, p));
  if (query.root !== undefined) conditions.push(`root = ${p.add(query.root)}`);
  if (query.from !== undefined) {
    const first = dayRange(query.from).first;
    // An event spans at most a year: the redundant bound lets the day indexes serve the range.
    conditions.push(`day_last >= ${p.add(first)} AND day_first >= ${p.add(yearEarlier(first))}`);
  }
  if (query.to !== undefined) conditions.push(`day_first <= ${p.add(dayRange(query.to).last)}`);
  if (query.doc !== undefined) conditions.push(`doc = ${p.add(query.doc)}`);
  return conditions;
}

/** The WHERE clause of an event query, for counting. */
export function eventWhere(query: EventQuery, p: Params): string {
  const conditions = eventConditions(query, p);
  if (query.actor !== undefined) {
    conditions.push(`(${side("source", query.actor, p)} OR ${side("target", query.actor, p)})`);
  }
  return where(conditions);
}

/**
 * One page of an event query in date-then-document order, selecting `columns`.
 * An `actor` filter pages through a union of the two sides' index ranges.
 */
export function eventPage(query: EventQuery, columns: string, p: Params): string {
  if (query.actor === undefined) {
    const w = where(eventConditions(query, p));
    return `SELECT ${columns} FROM events ${w} ORDER BY day_first, seq LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`;
  }
  const actor = query.actor;
  const bySide = (column: "source" | "target"): string =>
    where([side(column, actor, p), ...eventConditions(query, p)]);
  const source = bySide("source");
  const target = bySide("target");
  return `SELECT ${columns} FROM (
      SELECT seq AS page_seq, day_first AS page_day FROM events ${source}
      UNION SELECT seq, day_first FROM events ${target}
      ORDER BY 2, 1 LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}
    ) AS page JOIN events ON seq = page_seq ORDER BY page_day, page_seq`;
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

/**
 * The WHERE clause of a claim query; every word of `q` must be in the metric
 * or the quote, in any case (as SQLite's LIKE matches).
 */
export function claimWhere(query: ClaimQuery, p: Params): string {
  const conditions: string[] = [];
  if (query.subject !== undefined) conditions.push(`subjects @> ARRAY[${p.add(query.subject)}::text]`);
  if (query.unit !== undefined) conditions.push(`unit = ${p.add(query.unit)}`);
  if (query.doc !== undefined) conditions.push(`doc = ${p.add(query.doc)}`);
  for (const word of (query.q ?? "").split(/\s+/).filter(Boolean)) {
    const pattern = p.add(likePattern(word));
    conditions.push(`(metric ILIKE ${pattern} OR quote ILIKE ${pattern})`);
  }
  return where(conditions);
}
