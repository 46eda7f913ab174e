import type { IsoDate } from "../core/ids.ts";
import { datePrecision } from "../core/ids.ts";
import type { Period } from "../core/records.ts";

/** The buckets of a series: `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
export const INTERVALS = ["month", "quarter", "year"] as const;
export type Interval = (typeof INTERVALS)[number];

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

/** The days a claim's period covers: one date, or `from/to` with each end at its precision. */
export function periodSpan(period: Period): readonly [number, number] {
  const [from, to] = period.split("/") as [string, string | undefined];
  const first = daySpan(from as IsoDate);
  return to === undefined ? first : [first[0], daySpan(to as IsoDate)[1]];
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
