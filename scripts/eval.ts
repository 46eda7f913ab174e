// `npm run eval`: ingests the seed articles (with their manifest), the PLOVER
// gold sentences and the bundled corpus through the CLI, exports JSONL and
// prints the scorers' figures: the seeds and the corpus (with our own gold in
// test/fixtures/corpus-gold) by score.mjs, PLOVER by plover.mjs. Reads
// ../shared (the scorers and the development set), which only this script needs.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(process.env.TRIANGULATE_SHARED ?? join(root, "..", "shared"));
if (!existsSync(join(shared, "eval", "score.mjs"))) {
  console.error(`eval: no scorers at ${shared}/eval (set TRIANGULATE_SHARED to the shared folder)`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "triangulate-eval-"));
const cli = join(root, "bin", "triangulate.js");
const run = (file: string, args: string[]): string =>
  execFileSync(process.execPath, [file, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });

try {
  const seedsDb = join(work, "seeds.db");
  const seeds = join(shared, "seeds");
  run(cli, ["ingest", seeds, "--manifest", join(seeds, "manifest.json"), "--db", seedsDb]);
  run(cli, ["export", "--format", "jsonl", "--db", seedsDb, "-o", join(work, "seeds.jsonl")]);
  const scorer = join(shared, "eval", "score.mjs");
  console.log("Seed articles (score.mjs):");
  process.stdout.write(
    run(scorer, ["--gold", join(shared, "eval", "gold"), "--pred", join(work, "seeds.jsonl")]),
  );

  const corpusDb = join(work, "corpus.db");
  const corpus = join(root, "corpus");
  run(cli, ["ingest", "--manifest", join(corpus, "manifest.json"), "--db", corpusDb]);
  run(cli, ["export", "--format", "jsonl", "--db", corpusDb, "-o", join(work, "corpus.jsonl")]);
  console.log("Bundled corpus, our own gold (score.mjs):");
  const corpusGold = join(root, "test", "fixtures", "corpus-gold");
  process.stdout.write(run(scorer, ["--gold", corpusGold, "--pred", join(work, "corpus.jsonl")]));

  const ploverDir = join(work, "plover");
  const plover = join(shared, "eval", "plover.mjs");
  run(plover, ["prepare", ploverDir]);
  const ploverDb = join(work, "plover.db");
  run(cli, ["ingest", ploverDir, "--manifest", join(ploverDir, "manifest.json"), "--db", ploverDb]);
  run(cli, ["export", "--format", "jsonl", "--db", ploverDb, "-o", join(work, "plover.jsonl")]);
  console.log("PLOVER gold sentences (plover.mjs):");
  process.stdout.write(run(plover, ["score", "--pred", join(work, "plover.jsonl")]));
} finally {
  rmSync(work, { recursive: true, force: true });
}
