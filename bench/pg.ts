// `npm run bench:pg`: ingest through the job queue into PostgreSQL with 1, 2
// and 4 worker processes, against the in-process SQLite ingest of the same
// articles; then the API's event queries on a PostgreSQL store.
//   npm run bench:pg                          10,000 articles, 100,000 events
//   npm run bench:pg -- --articles 500        fewer articles
//   npm run bench:pg -- --workers 1,2         other worker counts
//   npm run bench:pg -- --events 20000        fewer events (0: no API part)
// Articles are corpus/ texts varied as `npm run bench` varies its seeds. Each
// worker count gets a database of its own on the local server (see README,
// Tests); the clock runs from the workers' start to the last one's exit
// (--drain), model loading included, queueing not.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createApp } from "../src/server/app.ts";
import { openStore } from "../src/store/open.ts";
import { createTestDatabase } from "../src/store/testing/postgres.ts";
import { createRandom, makeArticle, readSeeds } from "./articles.ts";
import { eventQueries, formatQueryTimes, someDocument, timeQueries } from "./event-queries.ts";
import { writeSyntheticEvents } from "./synthetic-events.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "bin", "triangulate.js");

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    workers: { type: "string", default: "1,2,4" },
    events: { type: "string", default: "100000" },
    rounds: { type: "string", default: "30" },
  },
});
const count = Number(values.articles);
const events = Number(values.events);
const workerCounts = values.workers.split(",").map(Number);
if (!Number.isSafeInteger(count) || count < 1) throw new Error(`--articles: not a positive number`);
if (!Number.isSafeInteger(events) || events < 0) throw new Error(`--events: not a number`);
if (workerCounts.some((n) => !Number.isSafeInteger(n) || n < 1)) throw new Error(`--workers: e.g. 1,2,4`);

/** Runs the CLI to its end; returns its wall seconds. @throws on a non-zero exit. */
function runCli(args: readonly string[]): { seconds: number; stdout: string } {
  const started = performance.now();
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TRIANGULATE_DB: "", TRIANGULATE_QUEUE: "" },
    maxBuffer: 64 << 20,
  });
  if (child.status !== 0)
    throw new Error(`triangulate ${args.join(" ")} exited ${child.status}:\n${child.stderr}`);
  return { seconds: (performance.now() - started) / 1000, stdout: child.stdout.trim() };
}

/** Starts `n` workers that stop once the queue is empty; resolves with the wall seconds until the last exits. */
async function runWorkers(n: number, url: string): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<void>((done, fail) => {
          const child = spawn(process.execPath, [BIN, "worker", "--db", url, "--queue", url, "--drain"], {
            cwd: ROOT,
            env: { ...process.env, TRIANGULATE_DB: "", TRIANGULATE_QUEUE: "" },
            stdio: ["ignore", "ignore", "inherit"],
          });
          child.on("exit", (code) => {
            if (code === 0) done();
            else fail(new Error(`a worker exited ${code}`));
          });
        }),
    ),
  );
  return (performance.now() - started) / 1000;
}

const work = mkdtempSync(join(tmpdir(), "triangulate-bench-pg-"));
try {
  const seeds = readSeeds([join(ROOT, "corpus")]);
  const random = createRandom(20_261_207);
  const folder = join(work, "articles");
  mkdirSync(folder);
  for (let i = 0; i < count; i++) {
    writeFileSync(join(folder, `article-${String(i).padStart(5, "0")}.txt`), makeArticle(seeds, i, random));
  }
  console.log(`${count} articles from ${seeds.length} corpus texts`);

  const sqlite = runCli(["ingest", "--db", join(work, "kb.db"), folder]);
  const sqliteRate = count / sqlite.seconds;
  console.log(
    `SQLite, triangulate ingest in one process: ${sqlite.seconds.toFixed(1)} s, ${sqliteRate.toFixed(1)} articles/s`,
  );

  for (const n of workerCounts) {
    const db = await createTestDatabase("bench_pg");
    try {
      runCli(["ingest", "--queue", db.url, folder]);
      const seconds = await runWorkers(n, db.url);
      const store = await openStore(db.url);
      const stored = (await store.stats()).documents;
      await store.close();
      if (stored !== count) throw new Error(`${n} workers stored ${stored} of ${count} articles`);
      const rate = count / seconds;
      console.log(
        `PostgreSQL, ${n} worker${n === 1 ? "" : "s"}: ${seconds.toFixed(1)} s, ${rate.toFixed(1)} articles/s, ` +
          `${(rate / sqliteRate).toFixed(2)}x the SQLite ingest`,
      );
    } finally {
      await db.drop();
    }
  }

  if (events > 0) {
    const db = await createTestDatabase("bench_pg_api");
    try {
      const store = await openStore(db.url);
      const started = performance.now();
      const documents = await writeSyntheticEvents(store, { events, eventsPerDocument: 20 });
      console.log(
        `\nbuilt ${events} events in ${documents} documents on PostgreSQL through the Store port in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      const app = createApp({ store });
      const times = await timeQueries(app, eventQueries(await someDocument(app)), Number(values.rounds));
      console.log(formatQueryTimes(times));
      console.log(
        `\nPostgreSQL, all filtered /api/events queries: p50 ${times.p50.toFixed(1)} ms, p95 ${times.p95.toFixed(1)} ms (target p95 < 50 ms)`,
      );
      await store.close();
    } finally {
      await db.drop();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
