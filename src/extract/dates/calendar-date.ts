import type { IsoDate } from "../../core/ids.ts";
import { isIsoDate } from "../../core/ids.ts";

/** A calendar date at year, month or day precision (1-based month and day). */
export interface CalendarDate {
  readonly year: number;
  readonly month?: number | undefined;
  readonly day?: number | undefined;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null when the parts make no real date. */
export function toIsoDate(date: CalendarDate): IsoDate | null {
  if (!Number.isInteger(date.year) || date.year < 1 || date.year > 9999) return null;
  let text = String(date.year).padStart(4, "0");
  if (date.month !== undefined) {
    text += `-${pad(date.month)}`;
    if (date.day !== undefined) text += `-${pad(date.day)}`;
  }
  return isIsoDate(text) ? text : null;
}

/** Reads an `IsoDate` back into its parts. */
export function fromIsoDate(date: IsoDate): CalendarDate {
  const [year, month, day] = date.split("-").map(Number);
  return { year: year ?? 0, month, day };
}

/** The date cut to year or month precision. */
export function truncate(date: CalendarDate, precision: "year" | "month" | "day"): CalendarDate {
  if (precision === "year") return { year: date.year };
  if (precision === "month") return { year: date.year, month: date.month };
  return date;
}

export function precisionOf(date: CalendarDate): "year" | "month" | "day" {
  return date.month === undefined ? "year" : date.day === undefined ? "month" : "day";
}

const RANK = { year: 0, month: 1, day: 2 } as const;

/** The coarser of two precisions. */
export function coarser(a: "year" | "month" | "day", b: "year" | "month" | "day"): "year" | "month" | "day" {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Days since 1970-01-01 of a day-precision date. */
function dayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1) / 86_400_000;
}

/** The date `days` days after (or before, if negative) a day-precision date. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date((dayNumber(date) + days) * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Days from `a` to `b`, two day-precision dates: positive if `b` is later. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Day of the week, 0 = Sunday. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(dayNumber(date) * 86_400_000).getUTCDay();
}

/** Compares two dates on the precision both have: negative if `a` is earlier. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  if (a.year !== b.year) return a.year - b.year;
  if (a.month === undefined || b.month === undefined) return 0;
  if (a.month !== b.month) return a.month - b.month;
  if (a.day === undefined || b.day === undefined) return 0;
  return a.day - b.day;
}
