import type { IsoDate } from "../core/ids.ts";
import { isIsoDate } from "../core/ids.ts";

const LEADING_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])/;

/**
 * The calendar date of a machine-readable timestamp, at the precision it has:
 * `2026-03-05T10:00:00+04:00` is `2026-03-05` (the date where it was
 * published, not in UTC), `2026-03` stays a month. Other forms that
 * `Date.parse` reads become a UTC day; anything else is null.
 */
export function isoDateFromTimestamp(value: string): IsoDate | null {
  const trimmed = value.trim();
  const parts = LEADING_DATE.exec(trimmed);
  if (parts) {
    const date = parts[0];
    return isIsoDate(date) ? date : null;
  }
  // Only forms with a four-digit year: Date.parse("5") is a date too.
  if (!/\b\d{4}\b/.test(trimmed)) return null;
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) return null;
  const day = new Date(time).toISOString().slice(0, 10);
  return isIsoDate(day) ? day : null;
}
