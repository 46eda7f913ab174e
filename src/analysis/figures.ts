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
