import { Hono } from "hono";
import { z } from "zod";
import { isIsoDate } from "../../core/ids.ts";
import type { Store } from "../../core/ports.ts";
import { UNITS } from "../../core/records.ts";
import type { Analysis } from "../../analysis/analysis.ts";
import { createAnalysis } from "../../analysis/analysis.ts";
import { filterClaimClusters, filterEventClusters, withActor } from "../../analysis/filters.ts";
import { readAnalysisInput } from "../../analysis/from-store.ts";
import { INTERVALS } from "../../analysis/periods.ts";
import { MAX_LIMIT, noQuery, validQuery } from "../query.ts";

/** A string parameter checked by a pattern, with the message the 400 gives. */
function matching<T extends string>(pattern: RegExp, expected: string) {
  return z
    .string()
    .refine((raw) => pattern.test(raw), { message: `must be ${expected}` })
    .transform((raw) => raw as T);
}

const wholeNumber = (min: number, max: number) =>
  matching(/^\d{1,9}$/, `a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `must be a whole number from ${min} to ${max}` });

const actor = matching(/^(?:[A-Z]{3}|[a-z]+:[a-z0-9][a-z0-9.-]*)$/, "a country code (AZE) or an actor id");
const country = matching(/^[A-Z]{3}$/, "an ISO alpha-3 code such as AZE");
const date = z.string().refine(isIsoDate, { message: "must be a date as YYYY, YYYY-MM or YYYY-MM-DD" });
const interval = z.enum(INTERVALS, { error: `must be one of ${INTERVALS.join(", ")}` });
const flag = z.enum(["true", "false"], { error: "must be true or false" }).transform((raw) => raw === "true");
const page = {
  limit: wholeNumber(1, MAX_LIMIT).default(100),
  offset: wholeNumber(0, 1_000_000_000).default(0),
};

export const claimClustersQuery = z.strictObject({
  status: z.enum(["agree", "conflict", "single"], { error: "must be agree, conflict or single" }).optional(),
  subject: country.optional(),
  unit: z.enum(UNITS, { error: `must be one of ${UNITS.join(", ")}` }).optional(),
  minSources: wholeNumber(0, 1_000_000).optional(),
  ...page,
});

export const eventClustersQuery = z.strictObject({
  actor: actor.optional(),
  root: matching(/^(?:0[1-9]|1\d|20)$/, "a CAMEO root from 01 to 20").optional(),
  from: date.optional(),
  to: date.optional(),
  minSources: wholeNumber(0, 1_000_000).optional(),
  ...page,
});

export const dyadsQuery = z.strictObject({
  interval: interval.default("month"),
  directed: flag.default(false),
  actor: country.optional(),
});

export const episodesQuery = z.strictObject({
  interval: interval.default("month"),
  actor: country.optional(),
});

export const triadsQuery = z.strictObject({
  interval: z.enum([...INTERVALS, "all"], { error: "must be month, quarter, year or all" }).default("year"),
  minEvents: wholeNumber(1, 1_000_000).optional(),
  actors: matching(/^[A-Z]{3}(?:,[A-Z]{3})*$/, "country codes separated by commas (AZE,IRN,ISR)")
    .transform((raw) => raw.split(","))
    .optional(),
});

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
    .get("/dyads", validQuery(dyadsQuery), async (c) => {
      const { interval, directed, actor } = c.req.valid("query");
      const items = withActor((await analysisOf()).dyads({ interval, directed }), actor);
      return c.json({ items, total: items.length });
    })
    .get("/episodes", validQuery(episodesQuery), async (c) => {
      const { interval, actor } = c.req.valid("query");
      const items = withActor((await analysisOf()).episodes({ interval }), actor);
      return c.json({ items, total: items.length });
    })
    .get("/triads", validQuery(triadsQuery), async (c) => {
      const { interval, minEvents, actors } = c.req.valid("query");
      const items = (await analysisOf()).triads({
        interval,
        ...(minEvents === undefined ? {} : { minEvents }),
        ...(actors === undefined ? {} : { actors }),
      });
      return c.json({ items, total: items.length });
    })
    .get("/sources", noQuery, async (c) => {
      const items = (await analysisOf()).sourceProfiles();
      return c.json({ items, total: items.length });
    });
}
