import { Hono } from "hono";
import {
  claimClusterParams,
  dyadParams,
  episodeParams,
  eventClusterParams,
  pageParams,
  pairParams,
  triadParams,
} from "../../core/params.ts";
import type { Store } from "../../core/ports.ts";
import type { Analysis } from "../../analysis/analysis.ts";
import { createAnalysis } from "../../analysis/analysis.ts";
import { filterClaimClusters, filterEventClusters, withActor } from "../../analysis/filters.ts";
import { readAnalysisInput } from "../../analysis/from-store.ts";
import { noQuery, validQuery } from "../query.ts";

const claimClustersQuery = claimClusterParams.extend(pageParams(100));
const eventClustersQuery = eventClusterParams.extend(pageParams(100));

/** One page of a list, in the shape of the other list endpoints. */
function paged<T>(items: readonly T[], limit: number, offset: number): { items: T[]; total: number } {
  return { items: items.slice(offset, offset + limit), total: items.length };
}

/**
 * The analysis of a store, kept while the store's counts stay the same: the
 * clusters need every record (and every text, for near-copies), too much
 * to read per request; an ingest changes the counts and so the analysis.
 */
function createAnalysisCache(store: Store): () => Promise<Analysis> {
  let cached: { key: string; analysis: Promise<Analysis> } | undefined;
  return async () => {
    const { documents, actors, events, claims } = await store.stats();
    const key = `${documents}/${actors}/${events}/${claims}`;
    if (cached?.key !== key) {
      const analysis = readAnalysisInput(store).then((input) => createAnalysis(input));
      cached = { key, analysis };
      // A failed read is not kept: the next request tries again.
      analysis.catch(() => {
        if (cached?.analysis === analysis) cached = undefined;
      });
    }
    return cached.analysis;
  };
}

/**
 * The analysis endpoints: claim and event clusters, dyad series, episodes,
 * triads and source profiles. Mounted under `/api` by `createApp`.
 *
 * @example
 * const res = await app.request("/api/dyads?interval=quarter&actor=IRN");
 */
export function createAnalysisApi(store: Store) {
  const analysisOf = createAnalysisCache(store);
  return new Hono()
    .get("/claims/clusters", validQuery(claimClustersQuery), async (c) => {
      const { limit, offset, ...filter } = c.req.valid("query");
      const clusters = filterClaimClusters((await analysisOf()).claimClusters(), filter);
      return c.json(paged(clusters, limit, offset));
    })
    .get("/events/clusters", validQuery(eventClustersQuery), async (c) => {
      const { limit, offset, ...filter } = c.req.valid("query");
      const clusters = filterEventClusters((await analysisOf()).eventClusters(), filter);
      return c.json(paged(clusters, limit, offset));
    })
    .get("/dyads", validQuery(dyadParams), async (c) => {
      const { interval, directed, actor } = c.req.valid("query");
      const items = withActor((await analysisOf()).dyads({ interval, directed }), actor);
      return c.json({ items, total: items.length });
    })
    .get("/episodes", validQuery(episodeParams), async (c) => {
      const { interval, actor } = c.req.valid("query");
      const items = withActor((await analysisOf()).episodes({ interval }), actor);
      return c.json({ items, total: items.length });
    })
    .get("/triads", validQuery(triadParams), async (c) => {
      const { interval, minEvents, actors } = c.req.valid("query");
      const items = (await analysisOf()).triads({
        interval,
        ...(minEvents === undefined ? {} : { minEvents }),
        ...(actors === undefined ? {} : { actors }),
      });
      return c.json({ items, total: items.length });
    })
    .get("/pairs", validQuery(pairParams), async (c) => {
      const items = (await analysisOf()).pairs(c.req.valid("query"));
      return c.json({ items, total: items.length });
    })
    .get("/sources", noQuery, async (c) => {
      const items = (await analysisOf()).sourceProfiles();
      return c.json({ items, total: items.length });
    });
}
