// `npm run bench:api`: p50/p95 of filtered /api/events queries on 100,000 events,
// then of the views' bulk load of 10,000 events, as objects and as rows.
//   npm run bench:api                     100,000 synthetic events, 30 rounds of each query
//   npm run bench:api -- --events 20000   another size
//   npm run bench:api -- --db FILE        keep (or reuse) the knowledge base in FILE
//   npm run bench:api -- --db postgres://postgres@127.0.0.1/bench
//                                         the same on PostgreSQL (an existing database;
//                                         filled when it holds no events)
// The events are written through the Store port (see synthetic-events.ts);
// the queries go through the real app in-process (`app.request`), so the
// figures include validation, the store and JSON, but no sockets.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createApp } from "../src/server/app.ts";
import { openStore, redactUrl } from "../src/store/open.ts";
import { writeSyntheticEvents } from "./synthetic-events.ts";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "100000" },
    rounds: { type: "string", default: "30" },
    db: { type: "string" },
  },
});
const events = Number(values.events);
const rounds = Number(values.rounds);
if (!Number.isSafeInteger(events) || events < 1)
  throw new Error(`--events: not a positive number: ${values.events}`);

const dir = values.db ? null : mkdtempSync(join(tmpdir(), "triangulate-bench-api-"));
const path = values.db ?? join(dir ?? ".", "kb.db");
const store = await openStore(path);
if ((await store.stats()).events === 0) {
  const started = performance.now();
  const documents = await writeSyntheticEvents(store, { events, eventsPerDocument: 20 });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `built ${events} events in ${documents} documents through the Store port in ${seconds.toFixed(1)} s`,
  );
}
const stats = await store.stats();
const app = createApp({ store });

const someDoc = (
  (await (await app.request("/api/documents?limit=1&offset=500")).json()) as { items: { id: string }[] }
).items[0]?.id;

/** Filtered queries an analyst's views make, each with its default page of 100. */
const QUERIES = [
  "/api/events?actor=AZE",
  "/api/events?actor=AZE&root=04",
  "/api/events?source=IRN&target=ISR",
  "/api/events?root=17",
  "/api/events?from=2023&to=2024",
  "/api/events?from=2020-03-01&to=2020-03-31",
  "/api/events?actor=ISR&from=2022-10&to=2023-03",
  "/api/events?target=TUR&root=11&from=2010",
  "/api/events?actor=AZE&offset=5000",
  `/api/events?doc=${someDoc ?? "0000000000000000"}`,
  "/api/events?limit=1000&actor=IRN",
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

async function time(url: string): Promise<number> {
  const started = performance.now();
  const response = await app.request(url);
  await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return ms;
}

for (const url of QUERIES) await time(url); // warm the statement cache and the page cache

const all: number[] = [];
const rows: [string, number, number, number][] = [];
for (const url of QUERIES) {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) times.push(await time(url));
  times.sort((a, b) => a - b);
  all.push(...times);
  const body = (await (await app.request(url)).json()) as { total: number };
  rows.push([url.replace("/api/events?", ""), body.total, percentile(times, 0.5), percentile(times, 0.95)]);
}
all.sort((a, b) => a - b);

const width = Math.max(...rows.map(([q]) => q.length));
console.log(
  `\n${redactUrl(path)}: ${stats.events} events, ${stats.documents} documents; ${rounds} runs of each query\n`,
);
console.log(
  `${"query".padEnd(width)}  ${"matches".padStart(7)}  ${"p50 ms".padStart(7)}  ${"p95 ms".padStart(7)}`,
);
for (const [query, total, p50, p95] of rows) {
  console.log(
    `${query.padEnd(width)}  ${String(total).padStart(7)}  ${p50.toFixed(1).padStart(7)}  ${p95.toFixed(1).padStart(7)}`,
  );
}
const p95 = percentile(all, 0.95);
console.log(
  `\nall filtered /api/events queries: p50 ${percentile(all, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target p95 < 50 ms)`,
);

// The views' bulk load: 10,000 events as objects, and as rows (every field), which the views fetch.
console.log("");
for (const url of ["/api/events?limit=10000", "/api/events/rows?limit=10000"]) {
  const times: number[] = [];
  for (let i = 0; i < Math.min(rounds, 10); i++) times.push(await time(url));
  times.sort((a, b) => a - b);
  const bytes = (await (await app.request(url)).arrayBuffer()).byteLength;
  console.log(
    `${url}: p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, ${(bytes / 1e6).toFixed(2)} MB`,
  );
}

await store.close();
if (dir) rmSync(dir, { recursive: true, force: true });
