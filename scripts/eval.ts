// `npm run eval`: ingests each evaluation set through the CLI, exports JSONL,
// scores it with the set's scorer and prints one table of all figures beside
// their targets (issue 13). The sets: the seed articles (development set,
// ../shared/eval/gold), the bundled corpus (our own gold in
// test/fixtures/corpus-gold), the PLOVER gold sentences and the ConfliBERT
// CAMEO pentaclass train split (news sentences nobody here labelled).
// Reads ../shared (the scorers and the data), which only this script needs.
//   npm run eval                 the table
//   npm run eval -- --verbose    each scorer's own report too (errors by sentence)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { verbose: { type: "boolean", default: false } } });
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(process.env.TRIANGULATE_SHARED ?? join(root, "..", "shared"));
if (!existsSync(join(shared, "eval", "score.mjs"))) {
  console.error(`eval: no scorers at ${shared}/eval (set TRIANGULATE_SHARED to the shared folder)`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "triangulate-eval-"));
const cli = join(root, "bin", "triangulate.js");
const run = (file: string, args: string[]): string =>
  execFileSync(process.execPath, [file, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });

/** Ingests a folder with its manifest and returns the path of its JSONL export. */
function ingestAndExport(name: string, folder: string, manifest: string): string {
  const db = join(work, `${name}.db`);
  const jsonl = join(work, `${name}.jsonl`);
  run(cli, ["ingest", folder, "--manifest", manifest, "--db", db]);
  run(cli, ["export", "--format", "jsonl", "--db", db, "-o", jsonl]);
  return jsonl;
}

/** Runs a scorer for its JSON figures; with --verbose, prints its own report first. */
function score(scorer: string, args: string[]): unknown {
  if (values.verbose) process.stdout.write(run(scorer, [...args, "--verbose"]));
  return JSON.parse(
    run(scorer, [...args, "--json"])
      .trim()
      .split("\n")
      .at(-1) ?? "null",
  );
}

/** A set of labelled sentences: its scorer writes them as files (`prepare DIR`), then scores our export. */
function scoreSentenceSet(name: string, scorer: string): unknown {
  const dir = join(work, name);
  run(scorer, ["prepare", dir]);
  const jsonl = ingestAndExport(name, dir, join(dir, "manifest.json"));
  return score(scorer, ["score", "--pred", jsonl]);
}

interface Row {
  readonly set: string;
  readonly measure: string;
  readonly value: number;
  /** The target for this figure, when it sets one. */
  readonly target?: number | undefined;
}

interface GoldFigures {
  claims: { f1: number; subjectsAgree: number };
  events: { precision: number; recall: number; f1: number };
}

function goldRows(
  set: string,
  figures: GoldFigures,
  targets: { events?: number; claims?: number; subjects?: number },
): Row[] {
  return [
    { set, measure: "claims F1", value: figures.claims.f1, target: targets.claims },
    { set, measure: "claim subjects agree", value: figures.claims.subjectsAgree, target: targets.subjects },
    { set, measure: "events P", value: figures.events.precision },
    { set, measure: "events R", value: figures.events.recall },
    { set, measure: "events F1", value: figures.events.f1, target: targets.events },
  ];
}

const rows: Row[] = [];
try {
  const scorer = join(shared, "eval", "score.mjs");

  const seeds = join(shared, "seeds");
  const seedsJsonl = ingestAndExport("seeds", seeds, join(seeds, "manifest.json"));
  const seedFigures = score(scorer, ["--gold", join(shared, "eval", "gold"), "--pred", seedsJsonl]);
  rows.push(
    ...goldRows("seed articles", seedFigures as GoldFigures, { events: 0.85, claims: 1, subjects: 0.85 }),
  );

  const corpus = join(root, "corpus");
  const corpusJsonl = ingestAndExport("corpus", corpus, join(corpus, "manifest.json"));
  const corpusGold = join(root, "test", "fixtures", "corpus-gold");
  const corpusFigures = score(scorer, ["--gold", corpusGold, "--pred", corpusJsonl]);
  rows.push(...goldRows("bundled corpus", corpusFigures as GoldFigures, {}));

  const ploverFigures = scoreSentenceSet("plover", join(shared, "eval", "plover.mjs")) as {
    fullHit: number;
    categoryHit: number;
  };
  rows.push(
    { set: "PLOVER gold sentences", measure: "full hit", value: ploverFigures.fullHit, target: 0.7 },
    { set: "PLOVER gold sentences", measure: "category hit", value: ploverFigures.categoryHit, target: 0.75 },
  );

  const conflibert = join(shared, "eval", "conflibert", "score.mjs");
  const conflibertFigures = scoreSentenceSet("conflibert", conflibert) as {
    macroF1: number;
    accuracy: number;
    perClass: { class: number; F1: number }[];
  };
  const set = "ConfliBERT train split";
  rows.push(
    { set, measure: "macro-F1", value: conflibertFigures.macroF1, target: 0.75 },
    { set, measure: "accuracy", value: conflibertFigures.accuracy },
    ...conflibertFigures.perClass.map((c) => ({ set, measure: `class ${c.class} F1`, value: c.F1 })),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

const width = (pick: (row: Row) => string): number => Math.max(...rows.map((row) => pick(row).length));
const setWidth = width((row) => row.set);
const measureWidth = width((row) => row.measure);
console.log(`${"set".padEnd(setWidth)}  ${"measure".padEnd(measureWidth)}  value  target`);
for (const row of rows) {
  const target = row.target === undefined ? "" : `${row.value >= row.target ? "met" : "below"} ${row.target}`;
  console.log(
    `${row.set.padEnd(setWidth)}  ${row.measure.padEnd(measureWidth)}  ${row.value.toFixed(3)}  ${target}`,
  );
}
