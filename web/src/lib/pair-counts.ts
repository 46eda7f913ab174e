import { countOf } from "./format.ts";

/** What the pairs endpoint says of one pair (see `pairCounts` in the analysis). */
export interface PairTally {
  /** Event records of any modality: each article's account, what the Network draws. */
  readonly reports: number;
  /** Of those, the ones the text asserts happened. */
  readonly asserted: number;
  /** Asserted reports of one act merged across documents: what Dyads and Triangles count. */
  readonly events: number;
  /** Merged events without a date, which no series can place. */
  readonly undated: number;
}

/** How a pair's counts read: the two numbers, and each reason they differ. */
export interface PairCountText {
  /** `17 reports, 12 merged events`; one number when every report is its own dated event. */
  readonly summary: string;
  /** Why the numbers differ, each with its share (empty when they agree). */
  readonly reasons: readonly string[];
  /** The merged events a dated series (Dyads) shows. */
  readonly inSeries: number;
}

/**
 * The words for a pair's counts, so that a pair reads the same in every view
 * and a view that counts otherwise says why: reports that are not asserted
 * are in no merged event, reports of one act count once, and undated
 * merged events are in no series.
 *
 * @example
 * pairCountText({ reports: 17, asserted: 15, events: 12, undated: 1 }).summary
 * // "17 reports, 12 merged events"
 */
export function pairCountText(tally: PairTally): PairCountText {
  const inSeries = tally.events - tally.undated;
  const reasons: string[] = [];
  const unasserted = tally.reports - tally.asserted;
  if (unasserted > 0) {
    reasons.push(
      `${countOf(unasserted, "report is", "reports are")} not asserted (alleged, denied, planned or hypothetical)`,
    );
  }
  // A merged event takes its sides from most of its reports: a few may sit on another pair, hence the floor.
  const repeats = tally.asserted - tally.events;
  if (repeats > 0)
    reasons.push(`${countOf(repeats, "report repeats", "reports repeat")} an event another gives`);
  if (tally.undated > 0) {
    reasons.push(
      `${countOf(tally.undated, "merged event is", "merged events are")} undated, so in no series`,
    );
  }
  const summary =
    reasons.length === 0 && tally.reports === tally.events
      ? countOf(tally.events, "event", "events")
      : `${countOf(tally.reports, "report", "reports")}, ${countOf(tally.events, "merged event", "merged events")}`;
  return { summary, reasons, inSeries };
}
