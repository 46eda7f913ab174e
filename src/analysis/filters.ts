import type { IsoDate } from "../core/ids.ts";
import type { Unit } from "../core/records.ts";
import { daySpan } from "../core/calendar.ts";
import { pairPlacement } from "../core/pair-placement.ts";
import type { ClaimCluster, ClaimStatus, DyadRow, Episode, EventCluster } from "./types.ts";

/** Filters of claim clusters, as the CLI flags and the API query name them. */
export interface ClaimClusterFilter {
  readonly status?: ClaimStatus | undefined;
  /** A state the cluster is about. */
  readonly subject?: string | undefined;
  readonly unit?: Unit | undefined;
  readonly minSources?: number | undefined;
}

export function filterClaimClusters(
  clusters: readonly ClaimCluster[],
  filter: ClaimClusterFilter,
): ClaimCluster[] {
  return clusters.filter(
    (cluster) =>
      (filter.status === undefined || cluster.status === filter.status) &&
      (filter.subject === undefined || cluster.subjects.some((code) => code === filter.subject)) &&
      (filter.unit === undefined || cluster.unit === filter.unit) &&
      cluster.sources >= (filter.minSources ?? 0),
  );
}

/** Filters of event clusters: an actor on either side (country code or actor id), root, dates, sources. */
export interface EventClusterFilter {
  readonly actor?: string | undefined;
  readonly root?: string | undefined;
  /** Inclusive bounds at the precision of the bound: events whose date can fall inside. */
  readonly from?: IsoDate | undefined;
  readonly to?: IsoDate | undefined;
  readonly minSources?: number | undefined;
}

/**
 * Whether an actor (or state) is on either side of a merged event, or stands
 * in for an unidentified side as the state where it happened (`pairPlacement`),
 * so that a pair's events list what its series counts.
 */
function involves(cluster: EventCluster, actor: string): boolean {
  const placement = pairPlacement(cluster);
  return [
    cluster.source,
    cluster.target,
    cluster.sourceCountry,
    cluster.targetCountry,
    placement?.source,
    placement?.target,
  ].some((id) => id === actor);
}

export function filterEventClusters(
  clusters: readonly EventCluster[],
  filter: EventClusterFilter,
): EventCluster[] {
  const from = filter.from === undefined ? null : daySpan(filter.from)[0];
  const to = filter.to === undefined ? null : daySpan(filter.to)[1];
  return clusters.filter((cluster) => {
    if (filter.actor !== undefined && !involves(cluster, filter.actor)) return false;
    if (filter.root !== undefined && cluster.root !== filter.root) return false;
    if (cluster.sources < (filter.minSources ?? 0)) return false;
    if (from === null && to === null) return true;
    if (cluster.date === null) return false;
    const [first, last] = daySpan(cluster.date);
    return (from === null || last >= from) && (to === null || first <= to);
  });
}

/** Rows or episodes of dyads that include `actor` (a country code) on either side. */
export function withActor<T extends DyadRow | Episode>(items: readonly T[], actor: string | undefined): T[] {
  return actor === undefined ? [...items] : items.filter((item) => item.a === actor || item.b === actor);
}
