import type { IsoDate } from "./ids.ts";
import { datePrecision, isoDateOrThrow } from "./ids.ts";
import type { Period } from "./records.ts";

/**
 * The calendar every layer shares: the periods of the analysis series
 * (`YYYY-MM`, `YYYY-Qn`, `YYYY`), the days a date or a figure's period
 * covers at its precision, and whether two reports' dates can name one day.
 * All in UTC: a date here is a calendar day, never an instant.
 */

/** The buckets of a series: `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
export const INTERVALS = ["month", "quarter", "year"] as const;
export type Interval = (typeof INTERVALS)[number];

export function isInterval(value: string | null | undefined): value is Interval {
  return (INTERVALS as readonly string[]).includes(value ?? "");
}

/**
 * The period of `interval` that a date falls in, or null when the date is
 * less precise than the interval.
 *
 * Decision: an event known only to its year is not spread over, or pinned to
 * one of, the months of that year; it is left out of month and quarter series
 * and counted in the year series. Series at different intervals may therefore
 * hold different totals; none of them holds an invented date.
 *
 * @example periodOf("2023-04-06", "quarter") // "2023-Q2"
 * @example periodOf("2023", "month") // null
 */
export function periodOf(date: IsoDate, interval: Interval): string | null {
  const year = date.slice(0, 4);
  if (interval === "year") return year;
  if (datePrecision(date) === "year") return null;
  if (interval === "month") return date.slice(0, 7);
  return `${year}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

// Clustering compares the same few thousand dates again and again.
const DAY_NUMBERS = new Map<string, number>();

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(day: string): number {
  let n = DAY_NUMBERS.get(day);
  if (n === undefined) {
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    n = Math.round(Date.UTC(year, month - 1, date) / 86_400_000);
    if (DAY_NUMBERS.size < 100_000) DAY_NUMBERS.set(day, n);
  }
  return n;
}

/** The first and last day (as day numbers) that a date covers at its precision. */
export function daySpan(date: IsoDate): readonly [number, number] {
  switch (datePrecision(date)) {
    case "day":
      return [dayNumber(date), dayNumber(date)];
    case "month": {
      const [year, month] = date.split("-").map(Number) as [number, number];
      const first = Math.round(Date.UTC(year, month - 1, 1) / 86_400_000);
      return [first, Math.round(Date.UTC(year, month, 1) / 86_400_000) - 1];
    }
    case "year": {
      const year = Number(date);
      const first = Math.round(Date.UTC(year, 0, 1) / 86_400_000);
      return [first, Math.round(Date.UTC(year + 1, 0, 1) / 86_400_000) - 1];
    }
  }
}

/** The first and last calendar day (`YYYY-MM-DD`) a date at its precision covers. */
export interface DayRange {
  readonly first: string;
  readonly last: string;
}

/**
 * The days a date covers as `YYYY-MM-DD` strings, which sort as dates (the
 * stores compare them in SQL): `2023` is 2023-01-01..2023-12-31, `2024-02`
 * is 2024-02-01..2024-02-29, a day is itself.
 */
export function dayRange(date: IsoDate): DayRange {
  switch (datePrecision(date)) {
    case "year":
      return { first: `${date}-01-01`, last: `${date}-12-31` };
    case "month": {
      const [year, month] = date.split("-").map(Number) as [number, number];
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return { first: `${date}-01`, last: `${date}-${String(days).padStart(2, "0")}` };
    }
    case "day":
      return { first: date, last: date };
  }
}

/** The days (day numbers) a figure's period covers: one date, or `from/to` with each end at its precision. */
export function periodDays(period: Period): readonly [number, number] {
  const [from, to] = period.split("/") as [IsoDate, IsoDate | undefined];
  const first = daySpan(from);
  return to === undefined ? first : [first[0], daySpan(to)[1]];
}

/**
 * Whether two reports' dates can name the same day: the less precise one
 * must contain the more precise one; two full dates may differ by up to
 * `maxDays` (outlets date the same event a day or two apart).
 */
export function datesCompatible(a: IsoDate, b: IsoDate, maxDays: number): boolean {
  if (datePrecision(a) === "day" && datePrecision(b) === "day") {
    return Math.abs(dayNumber(a) - dayNumber(b)) <= maxDays;
  }
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
}

const SERIES_PERIOD = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])))?$/;

/** Whether `value` is a period of a series (`2023`, `2023-04`, `2023-Q2`). */
export function isSeriesPeriod(value: string | null | undefined): value is string {
  return typeof value === "string" && SERIES_PERIOD.test(value);
}

/** The first month (1–12) and the number of months of a series period, or null when it is not one. */
function monthsOf(period: string): { year: number; month: number; months: number } | null {
  const match = SERIES_PERIOD.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] !== undefined) return { year, month: Number(match[2]), months: 1 };
  if (match[3] !== undefined) return { year, month: (Number(match[3]) - 1) * 3 + 1, months: 3 };
  return { year, month: 1, months: 12 };
}

function monthsOrThrow(period: string): { year: number; month: number; months: number } {
  const parts = monthsOf(period);
  if (!parts) throw new RangeError(`not a series period (YYYY, YYYY-MM or YYYY-Qn): ${period}`);
  return parts;
}

/** Where a series period starts and where the next begins, as UTC instants. */
export function seriesPeriodDates(period: string): readonly [Date, Date] {
  const { year, month, months } = monthsOrThrow(period);
  return [new Date(Date.UTC(year, month - 1, 1)), new Date(Date.UTC(year, month - 1 + months, 1))];
}

/**
 * The `from` and `to` dates (as the API and the CLI take them) that cover a
 * series period.
 *
 * @example seriesPeriodBounds("2023-Q2") // { from: "2023-04", to: "2023-06" }
 */
export function seriesPeriodBounds(period: string): { from: IsoDate; to: IsoDate } {
  const { year, month, months } = monthsOrThrow(period);
  if (months === 12) return { from: isoDateOrThrow(String(year)), to: isoDateOrThrow(String(year)) };
  const pad = (m: number) => isoDateOrThrow(`${year}-${String(m).padStart(2, "0")}`);
  return { from: pad(month), to: pad(month + months - 1) };
}

/** Months as dates are written for reading (`Apr 2023`, `6 Apr 2023`). */
export const MONTH_ABBREVIATIONS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/** A series period as read: `Apr 2023`, `Q2 2023`, `2023`. */
export function formatSeriesPeriod(period: string): string {
  const match = SERIES_PERIOD.exec(period);
  if (!match) return period;
  if (match[2] !== undefined)
    return `${MONTH_ABBREVIATIONS[Number(match[2]) - 1] ?? match[2]} ${match[1] ?? ""}`;
  if (match[3] !== undefined) return `Q${match[3]} ${match[1] ?? ""}`;
  return match[1] ?? period;
}
