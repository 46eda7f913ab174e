import type { z } from "zod";
import type {
  claimClusterParams,
  dyadParams,
  episodeParams,
  eventClusterParams,
  pairParams,
  triadParams,
} from "../core/params.ts";
import type { Analysis } from "./analysis.ts";
import { filterClaimClusters, filterEventClusters, withActor } from "./filters.ts";
import type {
  ClaimCluster,
  DyadRow,
  Episode,
  EventCluster,
  PairCount,
  SourceProfile,
  Triad,
} from "./types.ts";

/** A page of a list: `limit` items from `offset`. */
export interface Paging {
  readonly limit: number;
  readonly offset: number;
}

/** One page of a list and the size of the whole, as every list endpoint answers. */
export interface Listing<T> {
  readonly items: T[];
  readonly total: number;
}

/** What each question to an analysis takes: the API's validated query parameters. */
export interface AnalysisQueries {
  readonly claimClusters: z.output<typeof claimClusterParams> & Paging;
  readonly eventClusters: z.output<typeof eventClusterParams> & Paging;
  readonly dyads: z.output<typeof dyadParams>;
  readonly episodes: z.output<typeof episodeParams>;
  readonly triads: z.output<typeof triadParams>;
  readonly pairs: z.output<typeof pairParams>;
  readonly sources: Readonly<Record<string, never>>;
}

/** What each question gets back. */
export interface AnalysisAnswers {
  readonly claimClusters: Listing<ClaimCluster>;
  readonly eventClusters: Listing<EventCluster>;
  readonly dyads: Listing<DyadRow>;
  readonly episodes: Listing<Episode>;
  readonly triads: Listing<Triad>;
  readonly pairs: Listing<PairCount>;
  readonly sources: Listing<SourceProfile>;
}

export type AnalysisQueryKind = keyof AnalysisQueries;

/** A question, as it crosses to the analysis thread. */
export type AnalysisQuery = {
  readonly [K in AnalysisQueryKind]: { readonly kind: K; readonly params: AnalysisQueries[K] };
}[AnalysisQueryKind];

function paged<T>(items: readonly T[], { limit, offset }: Paging): Listing<T> {
  return { items: items.slice(offset, offset + limit), total: items.length };
}

function all<T>(items: T[]): Listing<T> {
  return { items, total: items.length };
}

const ANSWER: {
  readonly [K in AnalysisQueryKind]: (analysis: Analysis, params: AnalysisQueries[K]) => AnalysisAnswers[K];
} = {
  claimClusters: (analysis, { limit, offset, ...filter }) =>
    paged(filterClaimClusters(analysis.claimClusters(), filter), { limit, offset }),
  eventClusters: (analysis, { limit, offset, ...filter }) =>
    paged(filterEventClusters(analysis.eventClusters(), filter), { limit, offset }),
  dyads: (analysis, { interval, directed, actor }) =>
    all(withActor(analysis.dyads({ interval, directed }), actor)),
  episodes: (analysis, { interval, actor }) => all(withActor(analysis.episodes({ interval }), actor)),
  triads: (analysis, { interval, minEvents, actors }) =>
    all(
      analysis.triads({
        interval,
        ...(minEvents === undefined ? {} : { minEvents }),
        ...(actors === undefined ? {} : { actors }),
      }),
    ),
  pairs: (analysis, filter) => all(analysis.pairs(filter)),
  sources: (analysis) => all(analysis.sourceProfiles()),
};

/**
 * Answers one question of the API from an analysis: the filtered page of
 * clusters, or the series, episodes, triads, pairs or source profiles.
 *
 * @example answerQuery(analysis, { kind: "claimClusters", params: { status: "conflict", limit: 100, offset: 0 } })
 */
export function answerQuery<K extends AnalysisQueryKind>(
  analysis: Analysis,
  query: { readonly kind: K; readonly params: AnalysisQueries[K] },
): AnalysisAnswers[K] {
  const answer: (analysis: Analysis, params: AnalysisQueries[K]) => AnalysisAnswers[K] = ANSWER[query.kind];
  return answer(analysis, query.params);
}
