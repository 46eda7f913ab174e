import { MONTH_ABBREVIATIONS } from "../../../src/core/calendar.ts";
import { CURRENCIES } from "../../../src/core/records.ts";

/** The first instant of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date, in milliseconds (UTC); cheap enough for every event. */
export function dateStartMs(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = date.length >= 7 ? Number(date.slice(5, 7)) : 1;
  const day = date.length >= 10 ? Number(date.slice(8, 10)) : 1;
  return Date.UTC(year, month - 1, day);
}

/** The first instant of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date, in UTC. */
export function dateStart(date: string): Date {
  return new Date(dateStartMs(date));
}

/**
 * `2024-05-03` as `3 May 2024`, `2024-05` as `May 2024`; a date at its own
 * precision. Written out rather than with `Intl.DateTimeFormat`, whose first
 * use in a page loads ICU's locale data (about 40 ms, in every view's first render).
 */
export function formatDate(date: string | null): string {
  if (!date) return "undated";
  const [year = "", month, day] = date.split("-");
  const name = month === undefined ? undefined : MONTH_ABBREVIATIONS[Number(month) - 1];
  if (name === undefined) return String(Number(year));
  return day === undefined ? `${name} ${Number(year)}` : `${Number(day)} ${name} ${Number(year)}`;
}

/** `YYYY-MM-DD` of a Date (UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const QUALIFIER_SIGNS: Readonly<Record<string, string>> = {
  exact: "",
  approx: "≈ ",
  atLeast: "≥ ",
  atMost: "≤ ",
};

const CURRENCY_CODES: ReadonlySet<string> = new Set(CURRENCIES);

function number(value: number, unit: string): string {
  if (CURRENCY_CODES.has(unit)) {
    return new Intl.NumberFormat("en-GB", {
      style: "currency",
      currency: unit,
      notation: Math.abs(value) >= 1e6 ? "compact" : "standard",
      maximumFractionDigits: 2,
    }).format(value);
  }
  return new Intl.NumberFormat("en-GB", {
    notation: Math.abs(value) >= 1e7 ? "compact" : "standard",
    maximumFractionDigits: 2,
  }).format(value);
}

const UNIT_SUFFIX: Readonly<Record<string, string>> = {
  percent: "%",
  count: "",
  km: " km",
  km2: " km²",
  t: " t",
  m3: " m³",
  bbl: " bbl",
  MW: " MW",
  minute: " min",
  day: " days",
  month: " months",
  year: " years",
};

/** A claim's figure as read: `≈ 40%`, `40–65%`, `$5bn`. */
export function formatFigure(
  value: number,
  valueMax: number | null,
  unit: string,
  qualifier: string,
): string {
  const suffix = CURRENCY_CODES.has(unit) ? "" : (UNIT_SUFFIX[unit] ?? ` ${unit}`);
  const range = valueMax === null ? number(value, unit) : `${number(value, unit)}–${number(valueMax, unit)}`;
  return `${QUALIFIER_SIGNS[qualifier] ?? ""}${range}${suffix}`;
}

/** `12345` as `12,345` (by hand, for the reason `formatDate` gives). */
export function formatCount(n: number): string {
  const [whole = "", fraction] = String(n).split(".");
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction === undefined ? "" : `.${fraction}`);
}

/** A count with its noun in the right number: `countOf(1, "event", "events")` is "1 event". */
export function countOf(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function formatGoldstein(value: number): string {
  return `${value > 0 ? "+" : ""}${value.toFixed(1)}`;
}
