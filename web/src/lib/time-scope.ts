import { dayRange, seriesPeriodBounds } from "../../../src/core/calendar.ts";
import type { IsoDate } from "../../../src/core/ids.ts";
import { isIsoDate } from "../../../src/core/ids.ts";

/**
 * The time scope the event views share: inclusive bounds held in the URL as
 * `?from=` and `?to=` (each `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as the API's
 * event parameters take them), either open.
 */
export interface TimeScope {
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
}

/** The URL parameters that hold the scope; links between views carry them. */
export const SCOPE_PARAMS = ["from", "to"] as const;

function bound(raw: string | null): IsoDate | null {
  return raw !== null && isIsoDate(raw) ? raw : null;
}

/**
 * The scope a URL names. A value that is not a date is ignored rather than
 * sent on, so that a mistyped address shows everything instead of an error.
 *
 * @example scopeOf(new URLSearchParams("from=2023&to=bad")) // { from: "2023", to: null }
 */
export function scopeOf(params: URLSearchParams): TimeScope {
  return { from: bound(params.get("from")), to: bound(params.get("to")) };
}

export function isScoped(scope: TimeScope): boolean {
  return scope.from !== null || scope.to !== null;
}

/** The scope as query parameters of the event endpoints (`/api/events`, `/api/events/rows`). */
export function scopeQuery(scope: TimeScope): { from?: IsoDate; to?: IsoDate } {
  return {
    ...(scope.from === null ? {} : { from: scope.from }),
    ...(scope.to === null ? {} : { to: scope.to }),
  };
}

/** `path` (which may carry a query) with the scope of `params` added: a link to another view that keeps it. */
export function withScope(path: string, params: URLSearchParams): string {
  const scope = scopeOf(params);
  if (!isScoped(scope)) return path;
  const [base = path, query = ""] = path.split("?", 2);
  const search = new URLSearchParams(query);
  for (const key of SCOPE_PARAMS) {
    const value = scope[key];
    if (value !== null) search.set(key, value);
  }
  return `${base}?${search.toString()}`;
}

/**
 * The value a date input shows for a bound: the first day of `from`, the
 * last day of `to` (`2023` as a `to` is 2023-12-31), so that a scope typed
 * into the address reads the same in the control.
 */
export function inputValue(date: IsoDate | null, side: "from" | "to"): string {
  if (date === null) return "";
  const range = dayRange(date);
  return side === "from" ? range.first : range.last;
}

/**
 * Whether a series period (`2023`, `2023-04`, `2023-Q2`) overlaps the scope,
 * by the rule the event endpoints apply to a dated event: the days it covers
 * meet the days from `from`'s first to `to`'s last.
 */
export function periodInScope(period: string, scope: TimeScope): boolean {
  const { from, to } = seriesPeriodBounds(period);
  const first = dayRange(from).first;
  const last = dayRange(to).last;
  if (scope.from !== null && last < dayRange(scope.from).first) return false;
  if (scope.to !== null && first > dayRange(scope.to).last) return false;
  return true;
}
