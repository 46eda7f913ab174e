import { Hono } from "hono";
import type { Context } from "hono";
import {
  claimClusterParams,
  dyadParams,
  episodeParams,
  eventClusterParams,
  pageParams,
  pairParams,
  triadParams,
} from "../../core/params.ts";
import { TriangulateError } from "../../core/errors.ts";
import type { AnalysisQueries, AnalysisQueryKind } from "../../analysis/queries.ts";
import type { AnalysisRunner } from "../analysis-runner.ts";
import { noQuery, validQuery } from "../query.ts";

const claimClustersQuery = claimClusterParams.extend(pageParams(100));
const eventClustersQuery = eventClusterParams.extend(pageParams(100));

/**
 * The header that marks an answer from the last completed analysis while a
 * newer one is being made (the knowledge base changed since): the body is
 * as usual, only older.
 */
export const STALE_HEADER = "Analysis-Stale";

/**
 * The analysis endpoints: claim and event clusters, dyad series, episodes,
 * triads and source profiles, answered by `analysis` (off the server's
 * thread), and `/analysis`, which says whether there is one. Mounted under
 * `/api` by `createApp`.
 *
 * @example
 * const res = await app.request("/api/dyads?interval=quarter&actor=IRN");
 */
export function createAnalysisApi(analysis: AnalysisRunner | undefined) {
  const ask = async <K extends AnalysisQueryKind>(c: Context, kind: K, params: AnalysisQueries[K]) => {
    if (!analysis) {
      throw new TriangulateError(
        "unsupported",
        "this server has no analysis: it serves a knowledge base in memory, which the analysis thread cannot read",
      );
    }
    const { body, stale } = await analysis.ask({ kind, params });
    if (stale) c.header(STALE_HEADER, "true");
    return body;
  };
  return (
    new Hono()
      // Whether the endpoints below can answer: the UI asks before calling them, so that a server
      // without analysis (a knowledge base in memory) shows less rather than log failed requests.
      .get("/analysis", noQuery, (c) => c.json({ available: analysis !== undefined }))
      .get("/claims/clusters", validQuery(claimClustersQuery), async (c) =>
        c.json(await ask(c, "claimClusters", c.req.valid("query"))),
      )
      .get("/events/clusters", validQuery(eventClustersQuery), async (c) =>
        c.json(await ask(c, "eventClusters", c.req.valid("query"))),
      )
      .get("/dyads", validQuery(dyadParams), async (c) => c.json(await ask(c, "dyads", c.req.valid("query"))))
      .get("/episodes", validQuery(episodeParams), async (c) =>
        c.json(await ask(c, "episodes", c.req.valid("query"))),
      )
      .get("/triads", validQuery(triadParams), async (c) =>
        c.json(await ask(c, "triads", c.req.valid("query"))),
      )
      .get("/pairs", validQuery(pairParams), async (c) => c.json(await ask(c, "pairs", c.req.valid("query"))))
      .get("/sources", noQuery, async (c) => c.json(await ask(c, "sources", {})))
  );
}
