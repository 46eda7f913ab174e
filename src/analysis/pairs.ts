import { daySpan } from "../core/calendar.ts";
import { sideKey } from "../core/codes.ts";
import type { IsoDate } from "../core/ids.ts";
import type { EventRecord } from "../core/records.ts";
import type { SourceIndex } from "./sources.ts";
import type { EventCluster, PairCount } from "./types.ts";

/** Which pairs: those with an actor on either side, and events whose date can fall between `from` and `to`. */
export interface PairFilter {
  /** A state's code or an actor id. */
  readonly actor?: string | undefined;
  readonly from?: IsoDate | undefined;
  readonly to?: IsoDate | undefined;
}

type Tally = { -readonly [K in keyof PairCount]: PairCount[K] } & { readonly sourceKeys: Set<string> };

/** Whether a date (or no date) can fall within the bounds: undated events are out once a bound is given. */
function within(date: IsoDate | null, from: number | null, to: number | null): boolean {
  if (from === null && to === null) return true;
  if (date === null) return false;
  const [first, last] = daySpan(date);
  return (from === null || last >= from) && (to === null || first <= to);
}

/**
 * Per pair of sides (a state, or the actor where there is none; see
 * `sideKey`), every count a view may show, so that a pair shows one number
 * everywhere or says why two differ: the reports (event records of any
 * modality, what a network of reports draws), those asserted, the merged
 * events (reports of one act across documents counted once: what dyads,
 * episodes and triads count), the independent sources behind those, and the merged
 * events the series leave out for want of a date. Pairs with most events
 * first.
 *
 * @example pairCounts(events, clusters, sources, { actor: "AZE", from: "2023", to: "2023" })
 */
export function pairCounts(
  events: readonly EventRecord[],
  clusters: readonly EventCluster[],
  sources: SourceIndex,
  filter: PairFilter = {},
): PairCount[] {
  const from = filter.from === undefined ? null : daySpan(filter.from)[0];
  const to = filter.to === undefined ? null : daySpan(filter.to)[1];
  const tallies = new Map<string, Tally>();
  const tallyOf = (source: string, target: string): Tally | null => {
    if (source === target) return null;
    if (filter.actor !== undefined && source !== filter.actor && target !== filter.actor) return null;
    const [a, b] = source < target ? [source, target] : [target, source];
    const key = `${a}|${b}`;
    let tally = tallies.get(key);
    if (!tally) {
      tally = { a, b, reports: 0, asserted: 0, events: 0, sources: 0, undated: 0, sourceKeys: new Set() };
      tallies.set(key, tally);
    }
    return tally;
  };
  for (const event of events) {
    if (event.target === null || !within(event.date, from, to)) continue;
    const tally = tallyOf(
      sideKey(event.source, event.sourceCountry),
      sideKey(event.target, event.targetCountry),
    );
    if (!tally) continue;
    tally.reports++;
    if (event.modality === "asserted") tally.asserted++;
  }
  for (const cluster of clusters) {
    if (cluster.target === null || !within(cluster.date, from, to)) continue;
    const tally = tallyOf(
      sideKey(cluster.source, cluster.sourceCountry),
      sideKey(cluster.target, cluster.targetCountry),
    );
    if (!tally) continue;
    tally.events++;
    for (const report of cluster.reports) tally.sourceKeys.add(sources.sourceOf(report.doc));
    if (cluster.date === null) tally.undated++;
  }
  return [...tallies.values()]
    .map(({ sourceKeys, ...tally }): PairCount => ({ ...tally, sources: sourceKeys.size }))
    .sort((x, y) => y.events - x.events || y.reports - x.reports || (x.a + x.b < y.a + y.b ? -1 : 1));
}
