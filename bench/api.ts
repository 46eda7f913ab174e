// `npm run bench:api`: p50/p95 of filtered /api/events queries, then of the
// views' bulk load of 10,000 events, as objects and as rows; then the
// analysis: the clusters' latency on 15,000 documents (cold, warm, and while
// a changed knowledge base is analysed again) and the p95 of /api/events
// while the clusters are computed on the analysis thread.
//   npm run bench:api                          15,000 documents of 7 events and 3 figures, a fifth reprints
//   npm run bench:api -- --documents 3000      another size
//   npm run bench:api -- --db FILE             keep (or reuse) the knowledge base in FILE
// The records are written through the Store port (see synthetic-events.ts);
// the queries go through the real app in-process (`app.request`), so the
// figures include validation, the store and JSON, but no sockets.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createAnalysisRunner } from "../src/server/analysis-runner.ts";
import { createApp } from "../src/server/app.ts";
import { STALE_HEADER } from "../src/server/routes/analysis.ts";
import { buildDocument } from "../src/store/testing/fixtures.ts";
import { openSqliteStore } from "../src/store/open.ts";
import {
  eventQueries,
  formatQueryTimes,
  percentile,
  someDocument,
  timeQueries,
  timeRequest,
} from "./event-queries.ts";
import { writeSyntheticEvents } from "./synthetic-events.ts";

const { values } = parseArgs({
  options: {
    documents: { type: "string", default: "15000" },
    "events-per-document": { type: "string", default: "7" },
    "claims-per-document": { type: "string", default: "3" },
    reprints: { type: "string", default: "0.2" },
    rounds: { type: "string", default: "30" },
    db: { type: "string" },
  },
});
/** A whole number of at least `min` from a flag, or an error naming it. */
function count(flag: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min)
    throw new Error(`--${flag}: not a whole number >= ${min}: ${raw}`);
  return value;
}
const documentsWanted = count("documents", values.documents, 1);
const eventsPerDocument = count("events-per-document", values["events-per-document"], 1);
const claimsPerDocument = count("claims-per-document", values["claims-per-document"], 0);
const reprints = Number(values.reprints);
if (!(reprints >= 0 && reprints < 1))
  throw new Error(`--reprints: not a share from 0 to 1: ${values.reprints}`);
const rounds = count("rounds", values.rounds, 1);

const dir = values.db ? null : mkdtempSync(join(tmpdir(), "triangulate-bench-api-"));
const path = values.db ?? join(dir ?? ".", "kb.db");
const fresh = !existsSync(path);
const store = openSqliteStore(path);
if (fresh || (await store.stats()).events === 0) {
  const started = performance.now();
  await writeSyntheticEvents(store, {
    events: documentsWanted * eventsPerDocument,
    eventsPerDocument,
    claimsPerDocument,
    reprints,
  });
  const seconds = (performance.now() - started) / 1000;
  const built = await store.stats();
  console.log(
    `built ${built.documents} documents (${built.events} events, ${built.claims} figures) through the Store port in ${seconds.toFixed(1)} s`,
  );
}
const stats = await store.stats();
const analysis = createAnalysisRunner({ source: { location: path }, store });
const app = createApp({ store, analysis });

const queries = eventQueries(await someDocument(app));
const times = await timeQueries(app, queries, rounds);
console.log(`\n${stats.events} events, ${stats.documents} documents; ${rounds} runs of each query\n`);
console.log(formatQueryTimes(times));
console.log(
  `\nall filtered /api/events queries: p50 ${times.p50.toFixed(1)} ms, p95 ${times.p95.toFixed(1)} ms (target p95 < 50 ms)`,
);

// The views' bulk load: 10,000 events as objects, and as rows (every field), which the views fetch.
console.log("");
for (const url of ["/api/events?limit=10000", "/api/events/rows?limit=10000"]) {
  const bulk: number[] = [];
  for (let i = 0; i < Math.min(rounds, 10); i++) bulk.push(await timeRequest(app, url));
  bulk.sort((a, b) => a - b);
  const bytes = (await (await app.request(url)).arrayBuffer()).byteLength;
  console.log(
    `${url}: p50 ${percentile(bulk, 0.5).toFixed(1)} ms, p95 ${percentile(bulk, 0.95).toFixed(1)} ms, ${(bytes / 1e6).toFixed(2)} MB`,
  );
}

// The analysis, on its thread: the clusters' latency, and /api/events meanwhile.

/** Runs the filtered /api/events queries one after another until `done` settles; their times, sorted. */
async function eventsDuring(done: Promise<unknown>): Promise<number[]> {
  const state = { finished: false };
  void done.finally(() => {
    state.finished = true;
  });
  const times: number[] = [];
  for (let i = 0; !state.finished; i++) {
    times.push(await timeRequest(app, queries[i % queries.length] ?? "/api/events"));
    // As requests over sockets would, each lets the thread's replies in before the next.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return times.sort((a, b) => a - b);
}

async function timed(url: string): Promise<{ ms: number; stale: boolean; total: number }> {
  const started = performance.now();
  const response = await app.request(url);
  const { total } = (await response.json()) as { total: number };
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return { ms: performance.now() - started, stale: response.headers.get(STALE_HEADER) === "true", total };
}

function during(label: string, times: readonly number[]): string {
  return `${label}: ${times.length} /api/events queries, p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, max ${(times.at(-1) ?? NaN).toFixed(1)} ms (target p95 < 100 ms)`;
}

console.log(`\nanalysis of ${stats.documents} documents (${stats.events} events, ${stats.claims} figures)\n`);
const cold = timed("/api/claims/clusters");
const coldEvents = await eventsDuring(cold);
const first = await cold;
console.log(
  `/api/claims/clusters, first (the thread reads and clusters the knowledge base): ${(first.ms / 1000).toFixed(2)} s, ${first.total} clusters`,
);
console.log(during("  meanwhile", coldEvents));

for (const url of [
  "/api/claims/clusters",
  "/api/events/clusters",
  "/api/claims/clusters?status=conflict&limit=1000",
]) {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) times.push((await timed(url)).ms);
  times.sort((a, b) => a - b);
  console.log(
    `${url}, computed: p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms`,
  );
}

// A new document changes the counts: the next answer is the last analysis, marked stale, while a new one is made.
const added = buildDocument({
  text: "Iran and Azerbaijan held talks in Baku on June 3, 2024.",
  published: "2024-06-04",
});
await store.saveDocument(added.doc, added.extraction);
const revalidated = (async () => {
  const started = performance.now();
  const stale = await timed("/api/claims/clusters");
  let fresh = stale;
  while (fresh.stale) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    fresh = await timed("/api/claims/clusters");
  }
  return { stale, seconds: (performance.now() - started) / 1000 };
})();
const revalidateEvents = await eventsDuring(revalidated);
const { stale, seconds } = await revalidated;
console.log(
  `\nafter an ingest: /api/claims/clusters answered in ${stale.ms.toFixed(1)} ms (stale: ${stale.stale}); the new analysis served after ${seconds.toFixed(2)} s`,
);
console.log(during("  meanwhile", revalidateEvents));

await analysis.close();
await store.close();
if (dir) rmSync(dir, { recursive: true, force: true });
