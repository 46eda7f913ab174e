import { daySpan, periodDays } from "../core/calendar.ts";
import type { Unit } from "../core/records.ts";
import { allAgree, figureInterval, figureText } from "./figures.ts";
import type { ClaimStatus, ClusteredClaim, Disagreement, FigureSide } from "./types.ts";

/**
 * How the figures of one quantity relate: the sides of a disagreement, by
 * how much they differ, and whether time explains it; and the sentence that
 * says so (`ClaimCluster.summary`).
 */

/** A cluster's figures as `relateFigures` reads them. */
export interface RelatedFigures {
  /** Oldest publication first, as the cluster lists them. */
  readonly claims: readonly ClusteredClaim[];
  readonly unit: Unit;
  readonly status: ClaimStatus;
  /** Independent sources. */
  readonly sources: number;
  /**
   * For each claim, the group of figures it was found to be about the same
   * time with (the clustering's first pass): figures of one group that
   * disagree contradict each other; figures of two groups may differ because
   * their times do.
   */
  readonly timeGroups: readonly number[];
}

const DAYS_A_YEAR = 365.25;

const TIME_UNITS: ReadonlySet<Unit> = new Set<Unit>(["minute", "day", "month", "year"]);

/**
 * The figures split into sides that agree among themselves, lowest first:
 * sorted by the middle of what each allows, a figure joins the current side
 * while all of the side's figures can still be right with it (open
 * intervals on a line: the largest low end below the smallest high end).
 */
export function figureSides(claims: readonly ClusteredClaim[]): number[][] {
  const order = claims
    .map((claim, index) => ({ index, interval: figureInterval(claim) }))
    .sort((x, y) => middle(x.interval) - middle(y.interval) || x.index - y.index);
  const sides: number[][] = [];
  let low = Infinity;
  let high = -Infinity;
  for (const { index, interval } of order) {
    const current = sides.at(-1);
    const [l, h] = interval;
    if (current && Math.max(low, l) < Math.min(high, h)) {
      current.push(index);
      low = Math.max(low, l);
      high = Math.min(high, h);
    } else {
      sides.push([index]);
      low = l;
      high = h;
    }
  }
  return sides.map((side) => side.sort((a, b) => a - b));
}

/** The middle of an interval; the finite end for a half-open one ("at least 40"). */
function middle([low, high]: readonly [number, number]): number {
  if (!Number.isFinite(low)) return high;
  if (!Number.isFinite(high)) return low;
  return (low + high) / 2;
}

/** The days a claim is about: its period, else its publication date; null without either. */
function claimDays(claim: ClusteredClaim): readonly [number, number] | null {
  if (claim.period !== null) return periodDays(claim.period);
  return claim.published === null ? null : daySpan(claim.published);
}

/** The middle day of a side's figures' days; null when none is dated. */
function sideDay(claims: readonly ClusteredClaim[]): number | null {
  const spans = claims.map(claimDays).filter((span) => span !== null);
  if (spans.length === 0) return null;
  const from = Math.min(...spans.map((span) => span[0]));
  const to = Math.max(...spans.map((span) => span[1]));
  return (from + to) / 2;
}

/**
 * How a conflicting cluster's figures disagree (null when they agree):
 * its sides, the difference between the closest figures of the lowest and
 * highest sides, and whether time explains it (`TimeExplanation`).
 *
 * @example
 * // 25 % (2016) against about 40 % (2023, 2024), no period stated:
 * // { sides: [[0], [1, 2]], difference: 15, time: "publication", years: 7 }
 */
export function findDisagreement(figures: RelatedFigures): Disagreement | null {
  const { claims, timeGroups } = figures;
  if (allAgree(claims)) return null;
  const sides = figureSides(claims);
  const lowest = (sides[0] ?? []).flatMap((i) => claims[i] ?? []);
  const highest = (sides.at(-1) ?? []).flatMap((i) => claims[i] ?? []);
  const top = Math.max(...lowest.map((claim) => claim.valueMax ?? claim.value));
  const bottom = Math.min(...highest.map((claim) => claim.value));
  const groups = new Map<number, ClusteredClaim[]>();
  claims.forEach((claim, i) => {
    const group = timeGroups[i] ?? i;
    groups.set(group, [...(groups.get(group) ?? []), claim]);
  });
  // A group of figures with one stated period is about that period, its figures without one too.
  const sameTime = [...groups.values()].some((group) => !allAgree(group));
  const allStated = [...groups.values()].every((group) => group.some((claim) => claim.period !== null));
  const time = sameTime ? "same" : allStated ? "periods" : "publication";
  const lowDay = sideDay(lowest);
  const highDay = sideDay(highest);
  return {
    sides: sides.map((side): FigureSide => ({
      claims: side,
      outlets: [...new Set(side.map((i) => claims[i]?.outlet ?? null))],
    })),
    difference: Math.max(0, bottom - top),
    time,
    years: lowDay === null || highDay === null ? null : Math.round(Math.abs(highDay - lowDay) / DAYS_A_YEAR),
  };
}

/** A figure with its unit, as the summary writes it: "about 40 %", "1.7 billion USD", "4 diplomats" as "4". */
export function figureWithUnit(
  claim: Pick<ClusteredClaim, "value" | "valueMax" | "qualifier">,
  unit: Unit,
): string {
  const text = figureText(claim);
  if (unit === "count") return text;
  if (unit === "percent") return `${text} %`;
  // Units of time read as words: "44 days", "1 year".
  const plural = TIME_UNITS.has(unit) && (claim.valueMax !== null || claim.value !== 1);
  return `${text} ${unit}${plural ? "s" : ""}`;
}

function outletName(outlet: string | null): string {
  return outlet ?? "an unnamed outlet";
}

/** "Eurasianet, 2023-11-08" for one figure. */
function attribution(claim: ClusteredClaim): string {
  return claim.published === null
    ? outletName(claim.outlet)
    : `${outletName(claim.outlet)}, ${claim.published}`;
}

/** "40 % (Eurasianet, 2023-11-08; Sputnik, 2024-06-01)": a side's distinct figures and who gives them. */
function sideText(claims: readonly ClusteredClaim[], unit: Unit): string {
  const figures = [...new Set(claims.map((claim) => figureWithUnit(claim, unit)))];
  const who = [...new Set(claims.map(attribution))];
  return `${figures.join(" or ")} (${who.join("; ")})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The difference in words: "15 percentage points", "1.2 billion USD". */
function differenceText(difference: number, unit: Unit): string {
  const rounded = Math.round(difference * 100) / 100;
  if (unit === "percent")
    return `${figureText({ value: rounded, valueMax: null, qualifier: "exact" })} percentage points`;
  return figureWithUnit({ value: rounded, valueMax: null, qualifier: "exact" }, unit);
}

const TIME_TEXT: Readonly<Record<Disagreement["time"], (years: number | null) => string>> = {
  same: () => "They are given for the same time, so time does not explain the difference.",
  periods: () => "They are for different stated periods, so time explains the difference.",
  publication: (years) =>
    years === null || years === 0
      ? "Not all state a period; they may be about different times."
      : `Published ${plural(years, "year")} apart and not all stating a period: time may explain the difference.`,
};

/**
 * The sentence that says how a cluster's figures relate:
 * - conflict: "Figures disagree: 25 % (Today.az, 2016-12-15) against about
 *   40 % (Eurasianet, 2023-11-08; Sputnik, 2024-06-01), 15 percentage points
 *   apart. Published 7 years apart and not all stating a period: time may
 *   explain the difference."
 * - agree: "3 sources agree: 40 %, about 40 % and 40–65 % all allow 40 %."
 * - single: "One source: Eurasianet, 2023-11."
 */
export function summariseFigures(figures: RelatedFigures, disagreement: Disagreement | null): string {
  const { claims, unit } = figures;
  if (disagreement) {
    const sides = disagreement.sides.map((side) =>
      sideText(
        side.claims.flatMap((i) => claims[i] ?? []),
        unit,
      ),
    );
    const apart =
      disagreement.difference > 0 ? `, ${differenceText(disagreement.difference, unit)} apart` : "";
    return `Figures disagree: ${sides.join(" against ")}${apart}. ${TIME_TEXT[disagreement.time](disagreement.years)}`;
  }
  const texts = [...new Set(claims.map((claim) => figureWithUnit(claim, unit)))];
  if (figures.status === "single") {
    const who = [...new Set(claims.map(attribution))];
    return `One source: ${who.join("; ")}${texts.length > 1 ? ` (${texts.join(", ")})` : ""}.`;
  }
  // The narrowest figure is the value all the others allow.
  const narrowest = claims.reduce((best, claim) => (width(claim) < width(best) ? claim : best));
  const all = texts.length === 1 ? texts[0] : `${texts.slice(0, -1).join(", ")} and ${texts.at(-1) ?? ""}`;
  const allow = figureWithUnit(narrowest, unit);
  return texts.length === 1
    ? `${plural(figures.sources, "source")} agree: ${all}.`
    : `${plural(figures.sources, "source")} agree: ${all} all allow ${allow}.`;
}

function width(claim: ClusteredClaim): number {
  const [low, high] = figureInterval(claim);
  return high - low;
}
