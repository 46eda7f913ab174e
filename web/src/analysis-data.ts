import type {
  ClaimClustersPage,
  DyadsPage,
  EpisodesPage,
  EventClusterItem,
  EventClustersPage,
  PairItem,
  PairsPage,
  SourcesPage,
  TriadsPage,
} from "./api.ts";
import { bodyOf, client } from "./api.ts";
import type { PairEventsQuery } from "./lib/pair-events.ts";
import { inPairPeriod } from "./lib/pair-events.ts";
import { seriesPeriodBounds } from "../../src/core/calendar.ts";
import type { Interval } from "../../src/core/calendar.ts";
import { MAX_PAGE } from "../../src/core/limits.ts";
import { loadShared, useResource } from "./lib/resource.ts";
import { scopeQuery } from "./lib/time-scope.ts";
import type { TimeScope } from "./lib/time-scope.ts";
import type { Resource } from "./lib/resource.ts";

// The analysis endpoints (issue 4) as resources, keyed like those of data.ts so
// that a route's prefetch and its view share one request. Each asks for the
// whole list once: clusters, series and profiles are small next to the events,
// and filtering them in the browser is instant.

const claimClusters = {
  key: "claim-clusters",
  load: async (): Promise<ClaimClustersPage> =>
    bodyOf(await client.api.claims.clusters.$get({ query: { limit: String(MAX_PAGE) } })),
};

function dyads(interval: Interval, directed: boolean) {
  return {
    key: `dyads?interval=${interval}&directed=${directed}`,
    load: async (): Promise<DyadsPage> =>
      bodyOf(await client.api.dyads.$get({ query: { interval, directed: directed ? "true" : "false" } })),
  };
}

function episodes(interval: Interval) {
  return {
    key: `episodes?interval=${interval}`,
    load: async (): Promise<EpisodesPage> => bodyOf(await client.api.episodes.$get({ query: { interval } })),
  };
}

function triads(interval: Interval | "all") {
  return {
    key: `triads?interval=${interval}`,
    load: async (): Promise<TriadsPage> => bodyOf(await client.api.triads.$get({ query: { interval } })),
  };
}

/** Each event record's merged event (by the record's id): who else reports it, how many independent sources. */
const eventReports = {
  key: "event-reports",
  load: async (): Promise<ReadonlyMap<string, EventClusterItem>> => {
    const page: EventClustersPage = await bodyOf(
      await client.api.events.clusters.$get({ query: { limit: String(MAX_PAGE) } }),
    );
    const byEvent = new Map<string, EventClusterItem>();
    for (const cluster of page.items)
      for (const report of cluster.reports) byEvent.set(report.event, cluster);
    return byEvent;
  },
};

/**
 * Every count of each pair in the scope (reports, asserted, merged, undated), by
 * `A~B` with the keys sorted (as `dyadKey` makes them): one source of numbers for every view.
 */
function pairCounts(scope: TimeScope) {
  return {
    key: `pairs?from=${scope.from ?? ""}&to=${scope.to ?? ""}`,
    load: async (): Promise<ReadonlyMap<string, PairItem>> => {
      const page: PairsPage = await bodyOf(await client.api.pairs.$get({ query: scopeQuery(scope) }));
      return new Map(page.items.map((pair) => [`${pair.a}~${pair.b}`, pair]));
    },
  };
}

const sources = {
  key: "sources",
  load: async (): Promise<SourcesPage> => bodyOf(await client.api.sources.$get()),
};

export function useClaimClusters(): Resource<ClaimClustersPage> {
  return useResource(claimClusters.key, claimClusters.load);
}

export function useDyads(interval: Interval, directed: boolean): Resource<DyadsPage> {
  const { key, load } = dyads(interval, directed);
  return useResource(key, load);
}

export function useEpisodes(interval: Interval): Resource<EpisodesPage> {
  const { key, load } = episodes(interval);
  return useResource(key, load);
}

export function useTriads(interval: Interval | "all"): Resource<TriadsPage> {
  const { key, load } = triads(interval);
  return useResource(key, load);
}

const analysisStatus = {
  key: "analysis",
  load: async (): Promise<boolean> => (await bodyOf(await client.api.analysis.$get())).available,
};

/**
 * Whether the server can answer the analysis endpoints (a server over a
 * knowledge base in memory cannot): views that only add to what they show
 * from them ask this first, so that no failed request is logged.
 */
export function useAnalysisAvailable(): Resource<boolean> {
  return useResource(analysisStatus.key, analysisStatus.load);
}

const NO_ANALYSIS: Resource<never> = {
  state: "error",
  error: new Error("this server has no analysis, so events are not merged across documents"),
};

/**
 * The merged events, by the id of each of their reports: the event tables'
 * and the reader's "who says so"; an error when the server has no analysis.
 */
export function useEventReports(): Resource<ReadonlyMap<string, EventClusterItem>> {
  const available = useAnalysisAvailable();
  const reports = useResource(
    available.state === "ready" && available.data ? eventReports.key : null,
    eventReports.load,
  );
  if (available.state === "error") return available;
  if (available.state === "ready" && !available.data) return NO_ANALYSIS;
  return reports;
}

export function usePairCounts(scope: TimeScope): Resource<ReadonlyMap<string, PairItem>> {
  const { key, load } = pairCounts(scope);
  return useResource(key, load);
}

export function useSources(): Resource<SourcesPage> {
  return useResource(sources.key, sources.load);
}

function start(...all: readonly { key: string; load: () => Promise<unknown> }[]): void {
  for (const { key, load } of all) loadShared<unknown>(key, load).catch(() => undefined);
}

export function prefetchClaimClusters(): void {
  start(claimClusters);
}

export function prefetchDyads(interval: Interval, directed: boolean): void {
  start(dyads(interval, directed), episodes(interval));
}

export function prefetchTriads(interval: Interval | "all"): void {
  start(triads(interval));
}

export function prefetchSources(): void {
  start(sources);
}

/**
 * The event clusters between two states in a period, oldest first. The API
 * filters by one actor and by dates; the pair and the period's exact rules
 * are applied here.
 */
export function usePairEvents(query: PairEventsQuery | null): Resource<EventClusterItem[]> {
  const key = query
    ? `pair-events?${query.a}&${query.b}&${query.directed}&${query.interval}&${query.period ?? "all"}`
    : null;
  return useResource(key, async () => {
    if (!query) return [];
    const bounds = query.period === null ? {} : seriesPeriodBounds(query.period);
    const page: EventClustersPage = await bodyOf(
      await client.api.events.clusters.$get({
        query: { actor: query.a, limit: String(MAX_PAGE), ...bounds },
      }),
    );
    return page.items
      .filter((cluster) => inPairPeriod(cluster, query))
      .sort((x, y) => (x.date ?? "").localeCompare(y.date ?? "") || x.id.localeCompare(y.id));
  });
}
