// `npm run bench:api`: p50/p95 of filtered /api/events queries on 100,000 events,
// then of the views' bulk load of 10,000 events, as objects and as rows.
//   npm run bench:api                     100,000 synthetic events, 30 rounds of each query
//   npm run bench:api -- --events 20000   another size
//   npm run bench:api -- --db FILE        keep (or reuse) the knowledge base in FILE
// The events are written through the Store port (see synthetic-events.ts);
// the queries go through the real app in-process (`app.request`), so the
// figures include validation, the store and JSON, but no sockets.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createApp } from "../src/server/app.ts";
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
const fresh = !existsSync(path);
const store = openSqliteStore(path);
if (fresh || (await store.stats()).events === 0) {
  const started = performance.now();
  const documents = await writeSyntheticEvents(store, { events, eventsPerDocument: 20 });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `built ${events} events in ${documents} documents through the Store port in ${seconds.toFixed(1)} s`,
  );
}
const stats = await store.stats();
const app = createApp({ store });

const times = await timeQueries(app, eventQueries(await someDocument(app)), rounds);
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

await store.close();
if (dir) rmSync(dir, { recursive: true, force: true });
