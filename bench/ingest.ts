// `npm run bench`: ingest speed against a plain wink-nlp pass, and memory.
//   npm run bench                 1,000 seed-sized articles: articles/s, wink articles/s, ratio
//   npm run bench -- --large      10,000 articles: also the peak RSS of the ingest process
//   npm run bench -- --count 200  another number of articles
//   npm run bench -- --threads 0  extraction on the main thread only (default: the CLI's own choice)
//   npm run bench -- --runs 5     repeat each measurement, report the median (default 3; 1 with --large)
// The articles are the seed texts (../shared/seeds, else the test fixtures)
// with their paragraphs and sentences shuffled and a numbered line added, so
// that each text is distinct (the same text twice would be stored once).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import winkNLP from "wink-nlp";
import { createRandom, makeArticle, readSeeds } from "./articles.ts";
import model from "wink-eng-lite-web-model";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SEEDS = [join(ROOT, "..", "shared", "seeds"), join(ROOT, "test", "fixtures", "ingest", "good")];
const BIN = join(ROOT, "bin", "triangulate.js");
const GIB = 1024 ** 3;

const { values } = parseArgs({
  options: {
    large: { type: "boolean", default: false },
    count: { type: "string" },
    keep: { type: "boolean", default: false },
    threads: { type: "string" },
    runs: { type: "string" },
  },
});
const count = values.count ? Number(values.count) : values.large ? 10_000 : 1_000;
if (!Number.isSafeInteger(count) || count < 1)
  throw new Error(`--count: not a positive number: ${values.count}`);
// Shared machines are noisy: each figure is the median of a few runs.
const runs = values.runs ? Number(values.runs) : values.large ? 1 : 3;
if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`--runs: not a positive number: ${values.runs}`);

/** The run whose `key` is the median (the lower middle one for an even count). */
function medianBy<T>(samples: readonly T[], key: (sample: T) => number): T {
  const sorted = [...samples].sort((a, b) => key(a) - key(b));
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (middle === undefined) throw new Error("no samples");
  return middle;
}

interface WinkRun {
  readonly seconds: number;
  readonly cpuSeconds: number;
}

/** Wall and CPU seconds of a plain wink-nlp pass over the texts. */
function winkPass(nlp: ReturnType<typeof winkNLP>, texts: readonly string[]): WinkRun {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let tokens = 0;
  for (const text of texts) {
    const doc = nlp.readDoc(text);
    tokens += doc.tokens().out().length;
    doc.sentences().out();
    doc.entities().out();
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  if (tokens === 0) throw new Error("wink found no tokens");
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

interface CliRun {
  readonly seconds: number;
  /** CPU time of the whole process, all threads. */
  readonly cpuSeconds: number;
  readonly maxRss: number;
  readonly stdout: string;
}

/** Runs the real CLI; returns wall and CPU seconds and the child's peak RSS in bytes. */
function runCli(args: readonly string[]): CliRun {
  // Prints the child's own peak resident set size and CPU time as it exits.
  const probe =
    'data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>{const u=process.resourceUsage();' +
    'writeSync(2,"\\nusage "+u.maxRSS+" "+(u.userCPUTime+u.systemCPUTime)+"\\n")})';
  const start = performance.now();
  const child = spawnSync(process.execPath, ["--import", probe, BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TRIANGULATE_DB: "" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  const usage = /usage (\d+) (\d+)/.exec(child.stderr);
  if (child.status !== 0 || !usage) {
    throw new Error(`triangulate ${args.join(" ")} exited ${String(child.status)}:\n${child.stderr}`);
  }
  return {
    seconds,
    cpuSeconds: Number(usage[2]) / 1e6,
    maxRss: Number(usage[1]) * 1024,
    stdout: child.stdout.trim(),
  };
}

const work = mkdtempSync(join(tmpdir(), "triangulate-bench-"));
try {
  const seeds = readSeeds(SEEDS);
  const random = createRandom(20_260_305);
  const articles = join(work, "articles");
  mkdirSync(articles);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = makeArticle(seeds, i, random);
    texts.push(text);
    writeFileSync(join(articles, `article-${String(i).padStart(5, "0")}.txt`), text);
  }
  const meanChars = Math.round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length);
  console.log(`${count} articles of ${meanChars} characters on average (from ${seeds.length} seed texts)`);

  // The full default pipe, as a plain wink-nlp user would run it; a first pass
  // over a few texts warms it up, as the CLI's start-up run does below.
  const nlp = winkNLP(model);
  winkPass(nlp, texts.slice(0, 50));
  // Start-up (model, knowledge, database) is paid once per run; an empty folder measures it.
  const empty = join(work, "empty");
  mkdirSync(empty);
  const startup = medianBy(
    Array.from({ length: runs }, (_, i) => runCli(["ingest", "--db", join(work, `startup-${i}.db`), empty])),
    (run) => run.seconds,
  );
  // A wink pass and an ingest in turn, so that a busy spell of this shared
  // machine slows both of a pair: the ratio is the median of the pairs' ratios.
  const threads = values.threads === undefined ? [] : ["--threads", values.threads];
  const pairs = Array.from({ length: runs }, (_, i) => {
    const wink = winkPass(nlp, texts);
    const ingest = runCli(["ingest", "--db", join(work, `bench-${i}.db`), ...threads, articles]);
    return { wink, ingest, ratio: ingest.seconds / wink.seconds };
  });
  const wink = medianBy(pairs, (pair) => pair.wink.seconds).wink;
  const run = medianBy(pairs, (pair) => pair.ingest.seconds).ingest;
  const ratio = medianBy(pairs, (pair) => pair.ratio).ratio;
  console.log(
    `wink-nlp pass (tokens, sentences, entities): ${wink.seconds.toFixed(2)} s, ${(count / wink.seconds).toFixed(0)} articles/s ` +
      `(CPU ${wink.cpuSeconds.toFixed(2)} s; median of ${runs})`,
  );
  console.log(run.stdout);
  console.log(
    `triangulate ingest${threads.length > 0 ? ` --threads ${values.threads}` : ""}: ` +
      `${run.seconds.toFixed(2)} s wall, ${(count / run.seconds).toFixed(0)} articles/s, CPU ${run.cpuSeconds.toFixed(2)} s, median of ${runs} ` +
      `(start-up ${startup.seconds.toFixed(2)} s wall, ${startup.cpuSeconds.toFixed(2)} s CPU)`,
  );
  const withoutStartup = medianBy(
    pairs.map((pair) => (pair.ingest.seconds - startup.seconds) / pair.wink.seconds),
    (value) => value,
  );
  const cpu = medianBy(
    pairs.map((pair) => (pair.ingest.cpuSeconds - startup.cpuSeconds) / pair.wink.cpuSeconds),
    (value) => value,
  );
  console.log(
    `ratio to the wink pass, median of ${runs} pairs (target: within 3x): ${ratio.toFixed(2)}x wall, ` +
      `${withoutStartup.toFixed(2)}x wall without start-up, ` +
      `${cpu.toFixed(2)}x CPU without start-up (all threads; less sensitive than wall time to a busy machine)`,
  );
  const ingests = pairs.map((pair) => pair.ingest);
  const peakRss = Math.max(...ingests.map((ingest) => ingest.maxRss));
  console.log(
    `peak RSS of the ingest process: ${(peakRss / 1024 ** 2).toFixed(0)} MiB (limit 1024 MiB${peakRss < GIB ? ", ok" : ", OVER"})`,
  );
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
