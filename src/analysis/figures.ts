import type { ClaimRecord } from "../core/records.ts";

/** The part of a claim that says how much. */
export type Figure = Pick<ClaimRecord, "value" | "valueMax" | "qualifier">;

/**
 * How far a figure may be from the truth and still be right:
 * - exact figures are taken as rounded: half a unit of their last written
 *   decimal (40 covers 39.5–40.5, 4.1 covers 4.05–4.15), or 0.5 % of the
 *   value where that is more (large round figures: "$600 million");
 * - approximate ones ("about", "almost", "roughly") 10 % either side, so
 *   "almost 70" (63–77) takes in 69 and "about 40" takes in 38.
 */
export const TOLERANCE = { relative: 0.005, approximate: 0.1 } as const;

/** Half a unit of the last decimal that `value` is written with (0.5 for integers). */
function halfUnit(value: number): number {
  const text = String(Math.abs(value));
  if (text.includes("e")) return 0.5;
  const decimals = text.split(".")[1]?.length ?? 0;
  return 0.5 * 10 ** -Math.min(decimals, 6);
}

function tolerance(value: number, approximate: boolean): number {
  const rounding = Math.max(TOLERANCE.relative * Math.abs(value), halfUnit(value));
  return approximate ? Math.max(rounding, TOLERANCE.approximate * Math.abs(value)) : rounding;
}

/**
 * The values a figure allows, as an open interval `(low, high)`: the value
 * (or range) widened by its tolerance, and unbounded above for `atLeast`
 * ("more than 40") or below for `atMost` ("up to 40").
 */
export function figureInterval(figure: Figure): readonly [number, number] {
  const approximate = figure.qualifier === "approx";
  const low = figure.value;
  const high = figure.valueMax ?? figure.value;
  const lower = low - tolerance(low, approximate);
  const upper = high + tolerance(high, approximate);
  if (figure.valueMax === null && figure.qualifier === "atLeast") return [lower, Infinity];
  if (figure.valueMax === null && figure.qualifier === "atMost") return [-Infinity, upper];
  return [lower, upper];
}

/**
 * Whether two figures for the same quantity can both be right: their
 * intervals overlap. Equal within rounding, one inside the other's range,
 * or an approximate value close to an exact one all agree; 4 and 5
 * diplomats do not (the intervals only touch).
 *
 * @example figuresAgree({ value: 69, valueMax: null, qualifier: "exact" },
 *                       { value: 70, valueMax: null, qualifier: "approx" }) // true
 */
export function figuresAgree(a: Figure, b: Figure): boolean {
  const [aLow, aHigh] = figureInterval(a);
  const [bLow, bHigh] = figureInterval(b);
  return aLow < bHigh && bLow < aHigh;
}

/**
 * Whether figures can all be right at once. Open intervals on a line
 * overlap all together as soon as they overlap pairwise (Helly), so the
 * largest low end below the smallest high end decides.
 */
export function allAgree(figures: readonly Figure[]): boolean {
  let low = -Infinity;
  let high = Infinity;
  for (const figure of figures) {
    const [l, h] = figureInterval(figure);
    low = Math.max(low, l);
    high = Math.min(high, h);
  }
  return low < high;
}

/** A number as people write it: 600000000 is "600 million", 12900000000 "12.9 billion". */
export function numberText(value: number): string {
  for (const [size, word] of [
    [1e12, "trillion"],
    [1e9, "billion"],
    [1e6, "million"],
  ] as const) {
    const thousandths = (value / size) * 1000;
    // Only where the short form is exact to three decimals: 1234567 stays as it is.
    if (Math.abs(value) >= size && Math.abs(thousandths - Math.round(thousandths)) < 1e-6) {
      return `${Math.round(thousandths) / 1000} ${word}`;
    }
  }
  return String(value);
}

/** A figure as written: "about 40", "40–65", "at least 40", "600 million". */
export function figureText(claim: Figure): string {
  const value =
    claim.valueMax === null
      ? numberText(claim.value)
      : `${numberText(claim.value)}–${numberText(claim.valueMax)}`;
  const prefix = { exact: "", approx: "about ", atLeast: "at least ", atMost: "at most " }[claim.qualifier];
  return `${prefix}${value}`;
}
