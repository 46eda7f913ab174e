/**
 * The periods of the analysis series (`YYYY-MM`, `YYYY-Qn`, `YYYY`) on the
 * browser's side: which period a date falls in, where a period starts and
 * ends, and the `from`/`to` bounds that ask the API for its events. These
 * follow `src/analysis/periods.ts`, which the browser may not import.
 */

export const INTERVALS = ["month", "quarter", "year"] as const;
export type Interval = (typeof INTERVALS)[number];

export function isInterval(value: string | null): value is Interval {
  return (INTERVALS as readonly string[]).includes(value ?? "");
}

/**
 * The period of `interval` a date falls in, or null when the date is less
 * precise than the interval (a date known to its year has no month), as the
 * server's series leave such events out.
 *
 * @example periodOf("2023-04-06", "quarter") // "2023-Q2"
 */
export function periodOf(date: string, interval: Interval): string | null {
  const year = date.slice(0, 4);
  if (interval === "year") return year;
  if (date.length < 7) return null;
  if (interval === "month") return date.slice(0, 7);
  return `${year}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

const PERIOD = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])))?$/;

/** Whether `value` is a period (`2023`, `2023-04`, `2023-Q2`). */
export function isPeriod(value: string | null): value is string {
  return value !== null && PERIOD.test(value);
}

/** The first month (1–12) and the number of months of a period, or null when it is not one. */
function monthsOf(period: string): { year: number; month: number; months: number } | null {
  const match = PERIOD.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] !== undefined) return { year, month: Number(match[2]), months: 1 };
  if (match[3] !== undefined) return { year, month: (Number(match[3]) - 1) * 3 + 1, months: 3 };
  return { year, month: 1, months: 12 };
}

/** Where a period starts and where the next begins, in UTC. */
export function periodSpan(period: string): readonly [Date, Date] {
  const parts = monthsOf(period);
  if (!parts) throw new Error(`not a period: ${period}`);
  const { year, month, months } = parts;
  return [new Date(Date.UTC(year, month - 1, 1)), new Date(Date.UTC(year, month - 1 + months, 1))];
}

/**
 * The `from` and `to` dates (as the API takes them) that cover a period.
 *
 * @example periodBounds("2023-Q2") // { from: "2023-04", to: "2023-06" }
 */
export function periodBounds(period: string): { from: string; to: string } {
  const parts = monthsOf(period);
  if (!parts) throw new Error(`not a period: ${period}`);
  const { year, month, months } = parts;
  if (months === 12) return { from: String(year), to: String(year) };
  const pad = (m: number) => `${year}-${String(m).padStart(2, "0")}`;
  return { from: pad(month), to: pad(month + months - 1) };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A period as read: `Apr 2023`, `Q2 2023`, `2023`. */
export function formatPeriod(period: string): string {
  const match = PERIOD.exec(period);
  if (!match) return period;
  if (match[2] !== undefined) return `${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1] ?? ""}`;
  if (match[3] !== undefined) return `Q${match[3]} ${match[1] ?? ""}`;
  return match[1] ?? period;
}
