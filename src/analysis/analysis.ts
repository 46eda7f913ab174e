import type { ClusterCorrections } from "../core/corrections.ts";
import type { DocId } from "../core/ids.ts";
import type { ClaimRecord, EventRecord } from "../core/records.ts";
import type { ClaimClusterOptions } from "./claim-clusters.ts";
import { clusterClaims } from "./claim-clusters.ts";
import type { DyadOptions } from "./dyads.ts";
import { dyadSeries } from "./dyads.ts";
import type { EpisodeOptions } from "./episodes.ts";
import { findEpisodes } from "./episodes.ts";
import type { EventClusterOptions } from "./event-clusters.ts";
import { clusterEvents } from "./event-clusters.ts";
import type { PairFilter } from "./pairs.ts";
import { pairCounts } from "./pairs.ts";
import { profileSources } from "./source-profiles.ts";
import type { SourceDocument, SourceIndex } from "./sources.ts";
import { createSourceIndex } from "./sources.ts";
import type { TriadOptions } from "./triads.ts";
import { findTriads } from "./triads.ts";
import type {
  ClaimCluster,
  DyadRow,
  Episode,
  EventCluster,
  PairCount,
  SourceProfile,
  Triad,
} from "./types.ts";

/** The records the analysis reads; the CLI and the server take them from the store. */
export interface AnalysisInput {
  readonly documents: readonly SourceDocument[];
  readonly events: readonly EventRecord[];
  readonly claims: readonly ClaimRecord[];
  /** Groups of near-copies (`findNearDuplicates`); each group counts as one source. */
  readonly nearDuplicates?: readonly (readonly DocId[])[];
  /** Claims analysts split out of their clusters or merged (`Store.clusterCorrections`). */
  readonly clusterCorrections?: ClusterCorrections;
}

export interface AnalysisOptions {
  readonly claims?: ClaimClusterOptions;
  readonly events?: EventClusterOptions;
}

/** Every view of one set of records; clusters are computed once, when first asked for. */
export interface Analysis {
  readonly sources: SourceIndex;
  claimClusters(): readonly ClaimCluster[];
  eventClusters(): readonly EventCluster[];
  dyads(options: DyadOptions): DyadRow[];
  episodes(options?: EpisodeOptions): Episode[];
  triads(options?: TriadOptions): Triad[];
  sourceProfiles(): SourceProfile[];
  pairs(filter?: PairFilter): PairCount[];
}

/**
 * The analysis of a knowledge base: claim and event clusters, and the
 * series, episodes, triads and source profiles built on event clusters (so
 * that an event reported by three outlets counts once).
 *
 * @example
 * const analysis = createAnalysis({ documents, events, claims });
 * analysis.dyads({ interval: "month" });
 */
export function createAnalysis(input: AnalysisInput, options: AnalysisOptions = {}): Analysis {
  const sources = createSourceIndex(input.documents, input.nearDuplicates);
  let claimClusters: readonly ClaimCluster[] | undefined;
  let eventClusters: readonly EventCluster[] | undefined;
  const claimsOnce = (): readonly ClaimCluster[] =>
    (claimClusters ??= clusterClaims(input.claims, sources, options.claims, input.clusterCorrections));
  const eventsOnce = (): readonly EventCluster[] =>
    (eventClusters ??= clusterEvents(input.events, sources, options.events));
  return {
    sources,
    claimClusters: claimsOnce,
    eventClusters: eventsOnce,
    dyads: (dyadOptions) => dyadSeries(eventsOnce(), dyadOptions),
    episodes: (episodeOptions) => findEpisodes(eventsOnce(), episodeOptions),
    triads: (triadOptions) => findTriads(eventsOnce(), triadOptions),
    sourceProfiles: () =>
      profileSources({
        documents: input.documents,
        events: input.events,
        claimClusters: claimsOnce(),
        sources,
        ...(options.events?.modalities ? { modalities: options.events.modalities } : {}),
      }),
    pairs: (filter) => pairCounts(input.events, eventsOnce(), sources, filter),
  };
}
