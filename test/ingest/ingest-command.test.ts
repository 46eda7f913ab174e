// The `ingest` command end to end: real files, a real SQLite database in a
// temporary folder, the real NLP engine and knowledge; only the process's
// streams are stand-ins.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/command.ts";
import type { IngestCommandDeps } from "../../src/cli/commands/ingest.ts";
import { createIngestCommand } from "../../src/cli/commands/ingest.ts";
import { TriangulateError } from "../../src/core/errors.ts";
import type { NlpEngine, Store } from "../../src/core/ports.ts";
import type { DocumentSummary, Stats } from "../../src/core/records.ts";
import type { Knowledge } from "../../src/extract/knowledge.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { createWinkEngine } from "../../src/nlp/wink-engine.ts";
import { openSqliteStore } from "../../src/store/open.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "ingest");
const SUMMARY =
  /^ingested (\d+) documents?: (\d+) added, (\d+) updated, (\d+) unchanged, (\d+) failed, (\d+) skipped; (\d+) actors, (\d+) events, (\d+) claims\n$/;

interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface RunOptions {
  readonly stdin?: string;
  readonly interactive?: boolean;
  readonly env?: Record<string, string>;
  readonly cwd?: string;
  readonly deps?: Partial<IngestCommandDeps>;
}

let nlp: NlpEngine;
let knowledge: Knowledge;
let work: string;
let db: string;

beforeAll(() => {
  // Loaded once for the file: the command would load them on every run.
  nlp = createWinkEngine();
  knowledge = loadKnowledge();
  work = mkdtempSync(join(tmpdir(), "triangulate-ingest-cli-"));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});
let dbCount = 0;
beforeEach(() => {
  db = join(work, `kb-${++dbCount}.db`);
});

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

async function run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const stdout = collect();
  const stderr = collect();
  const io: CliIo = {
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: options.env ?? {},
    cwd: options.cwd ?? FIXTURES,
    interactive: options.interactive ?? false,
  };
  const command = createIngestCommand({
    createNlp: () => nlp,
    loadKnowledge: () => knowledge,
    loadCodingKnowledge: () => knowledge,
    ...options.deps,
  });
  const code = await command.run(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** What the database at `path` holds. */
async function contents(path: string): Promise<{ stats: Stats; docs: DocumentSummary[] }> {
  const store = openSqliteStore(path);
  try {
    const stats = await store.stats();
    const { items } = await store.listDocuments({ limit: 100, offset: 0 });
    return { stats, docs: [...items].sort((a, b) => a.uri.localeCompare(b.uri)) };
  } finally {
    await store.close();
  }
}

function summaryOf(stdout: string): number[] {
  const match = SUMMARY.exec(stdout);
  if (!match) throw new Error(`no summary line in ${JSON.stringify(stdout)}`);
  return match.slice(1).map(Number);
}

describe("triangulate ingest", () => {
  it("stores a folder of good articles and exits 0", async () => {
    const result = await run(["--db", db, "good"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [documents, added, , unchanged, failed, skipped, actors, events, claims] = summaryOf(result.stdout);
    expect({ documents, added, unchanged, failed, skipped }).toEqual({
      documents: 3,
      added: 3,
      unchanged: 0,
      failed: 0,
      skipped: 1,
    });
    const { stats, docs } = await contents(db);
    expect(stats).toMatchObject({ documents: 3, actors, events, claims });
    expect(docs.map((d) => [d.uri, d.published, d.language])).toEqual([
      ["good/caspian-talks.txt", "2025-02-12", "eng"],
      ["good/embassy-reopens.md", "2024-07", "eng"],
      ["good/pipeline-deal.html", "2025-03-18", "eng"],
    ]);
  });

  it("adds nothing when the same articles come again", async () => {
    await run(["--db", db, "good"]);
    const again = await run(["--db", db, "good"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      "ingested 3 documents: 0 added, 0 updated, 3 unchanged, 0 failed, 1 skipped; 0 actors, 0 events, 0 claims\n",
    );
    expect((await contents(db)).stats.documents).toBe(3);
  });

  it("reports each bad input on one stderr line, stores none of them and exits 1", async () => {
    const result = await run(["--db", db, "bad", "foreign", "missing.txt", "good/notes.docx"]);
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n")).toEqual([
      "bad/binary.txt: binary data, not text",
      "bad/blank.md: empty",
      "bad/empty.txt: empty",
      "bad/front-matter.md: front matter line 3: Nested mappings are not allowed in compact mappings",
      "bad/invalid-utf8.txt: not valid UTF-8",
      "bad/no-article.html: no article text in the page",
      "foreign/azerbaijani.txt: not English (detected azj)",
      "foreign/french.txt: not English (detected fra)",
      "foreign/german.txt: not English (detected deu)",
      "foreign/russian.txt: not English (detected rus)",
      "missing.txt: no such file or folder",
      "good/notes.docx: unsupported file type (.docx): use .txt, .md, .html or .pdf",
      "",
    ]);
    expect(summaryOf(result.stdout).slice(0, 6)).toEqual([12, 0, 0, 0, 12, 0]);
    expect((await contents(db)).stats.documents).toBe(0);
  });

  it("stores the good inputs of a mixed batch and exits 1", async () => {
    const result = await run(["--db", db, "bad/empty.txt", "good", "foreign/german.txt"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("bad/empty.txt: empty\nforeign/german.txt: not English (detected deu)\n");
    expect(summaryOf(result.stdout).slice(0, 6)).toEqual([5, 3, 0, 0, 2, 1]);
    expect((await contents(db)).docs.map((d) => d.uri)).toEqual([
      "good/caspian-talks.txt",
      "good/embassy-reopens.md",
      "good/pipeline-deal.html",
    ]);
  });

  it("refuses a file over 5 MB", async () => {
    const big = join(work, "big.txt");
    writeFileSync(big, "Officials said the talks would continue. ".repeat(130_000));
    const result = await run(["--db", db, big]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${big}: too large (over 5 MB)\n`);
  });

  it("reads an article from stdin", async () => {
    const result = await run(["--db", db, "--outlet", "Wire", "-"], {
      stdin: "Armenia and Georgia agreed on Friday to open a new border crossing, officials said.\n",
    });
    expect(result.code).toBe(0);
    expect((await contents(db)).docs).toMatchObject([{ uri: "-", outlet: "Wire" }]);
  });

  it("applies --published, --outlet and --title to a single input", async () => {
    const result = await run([
      "--db",
      db,
      "--published",
      "2025-02",
      "--outlet",
      "Flag Wire",
      "--title",
      "Flag title",
      "good/caspian-talks.txt",
    ]);
    expect(result.code).toBe(0);
    expect((await contents(db)).docs).toMatchObject([
      { published: "2025-02", outlet: "Flag Wire", title: "Flag title" },
    ]);
  });

  it("takes metadata from a manifest, with paths relative to it", async () => {
    const folder = mkdtempSync(join(work, "manifest-"));
    writeFileSync(
      join(folder, "a.txt"),
      "Azerbaijan and Turkey held joint military exercises near Baku on Monday, officials said.",
    );
    writeFileSync(
      join(folder, "b.txt"),
      "Iran and Armenia agreed to extend a gas-for-electricity swap deal, the energy ministry said.",
    );
    writeFileSync(
      join(folder, "manifest.json"),
      JSON.stringify([
        { file: "a.txt", published: "2024", outlet: "Wire A", title: "Exercises" },
        { file: "b.txt", published: "2023-11-05", outlet: null, title: null },
      ]),
    );
    const result = await run(["--db", db, folder, "--manifest", join(folder, "manifest.json")]);
    expect(result.code).toBe(0);
    expect(summaryOf(result.stdout).slice(0, 6)).toEqual([2, 2, 0, 0, 0, 0]);
    expect((await contents(db)).docs.map((d) => [d.published, d.outlet, d.title])).toEqual([
      ["2024", "Wire A", "Exercises"],
      ["2023-11-05", null, null],
    ]);
  });

  it("updates a stored text whose manifest metadata were corrected, and its dated events with them", async () => {
    const folder = mkdtempSync(join(work, "corrected-"));
    writeFileSync(
      join(folder, "a.txt"),
      "Iran expelled two Azerbaijani diplomats yesterday, the foreign ministry in Tehran said.",
    );
    const manifest = join(folder, "manifest.json");
    const ingestWith = async (entry: object): Promise<RunResult> => {
      writeFileSync(manifest, JSON.stringify([{ file: "a.txt", ...entry }]));
      return run(["--db", db, folder, "--manifest", manifest]);
    };
    const stored = async (): Promise<{ doc: DocumentSummary | undefined; dates: (string | null)[] }> => {
      const store = openSqliteStore(db);
      try {
        const [doc] = (await store.listDocuments({ limit: 10, offset: 0 })).items;
        const events = await store.listEvents({ limit: 10, offset: 0 });
        return { doc, dates: events.items.map((e) => e.date) };
      } finally {
        await store.close();
      }
    };
    const first = await ingestWith({
      published: "2023-04-07",
      outlet: "Wire A",
      title: "Diplomats expelled",
    });
    expect(summaryOf(first.stdout).slice(0, 4)).toEqual([1, 1, 0, 0]);
    const before = await stored();
    expect(before.dates).toContain("2023-04-06");
    const counts = (await contents(db)).stats;

    const corrected = {
      url: "https://news.example/iran-azerbaijan",
      published: "2024-01-10",
      outlet: "Wire B",
      title: "Tehran sends envoys home",
    };
    const fixed = await ingestWith(corrected);
    expect(fixed.code).toBe(0);
    expect(summaryOf(fixed.stdout).slice(0, 4)).toEqual([1, 0, 1, 0]);
    const after = await stored();
    expect(after.doc).toMatchObject({
      uri: corrected.url,
      published: corrected.published,
      outlet: corrected.outlet,
      title: corrected.title,
    });
    // "Yesterday" is the day before the corrected date now; nothing else was added.
    expect(after.dates).toEqual(before.dates.map((date) => (date === "2023-04-06" ? "2024-01-09" : date)));
    expect((await contents(db)).stats).toEqual({
      ...counts,
      documentsByOutlet: [{ outlet: "Wire B", documents: 1 }],
    });
    const store = openSqliteStore(db);
    try {
      expect((await store.search("envoys", 5)).map((hit) => hit.document.title)).toEqual([corrected.title]);
    } finally {
      await store.close();
    }

    // The same metadata again, or none: nothing changes.
    expect(summaryOf((await ingestWith(corrected)).stdout).slice(0, 4)).toEqual([1, 0, 0, 1]);
    expect(summaryOf((await run(["--db", db, folder])).stdout).slice(0, 4)).toEqual([1, 0, 0, 1]);
    expect((await stored()).doc).toEqual(after.doc);
  });

  it("ingests every manifest entry when no inputs are given", async () => {
    const folder = mkdtempSync(join(work, "manifest-only-"));
    writeFileSync(
      join(folder, "a.txt"),
      "Azerbaijan and Turkey held joint military exercises near Baku on Monday, officials said.",
    );
    writeFileSync(join(folder, "manifest.json"), JSON.stringify([{ file: "a.txt", published: "2024-06" }]));
    const result = await run(["--db", db, "--manifest", "manifest.json"], { cwd: folder });
    expect(result.code).toBe(0);
    expect((await contents(db)).docs).toMatchObject([{ uri: "a.txt", published: "2024-06" }]);
  });

  it("uses TRIANGULATE_DB when --db is not given", async () => {
    const result = await run(["good/caspian-talks.txt"], { env: { TRIANGULATE_DB: db } });
    expect(result.code).toBe(0);
    expect((await contents(db)).stats.documents).toBe(1);
  });

  it.each([
    [[], "no inputs"],
    [["--published", "2025", "good/caspian-talks.txt", "good/embassy-reopens.md"], "apply to a single input"],
    [["--published", "5 March 2025", "good/caspian-talks.txt"], "--published: not a date"],
    [["--published", "2025-02-30", "good/caspian-talks.txt"], "--published: not a date"],
    [["--outlet", "Wire", "--manifest", "m.json", "good"], "cannot be combined with --manifest"],
    [["--bogus", "good"], "--bogus"],
    [["--threads", "many", "good"], "--threads: not a number"],
    [["--db"], "--db"],
    [["--db", "", "good"], "--db needs a file name"],
    [["--manifest", "missing.json"], "missing.json: no such file"],
  ])("exits 2 with one stderr line for %j", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
  });

  it("exits 2 naming the entry and field of an invalid manifest, storing nothing", async () => {
    const manifest = join(work, "bad-manifest.json");
    writeFileSync(manifest, JSON.stringify([{ file: "a.txt" }, { file: "b.txt", published: "2025-13" }]));
    const result = await run(["--db", db, "--manifest", manifest, "good"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `triangulate ingest: ${manifest}: entry 1, published: must be a date as YYYY, YYYY-MM or YYYY-MM-DD (see triangulate ingest --help)\n`,
    );
  });

  it("prints its help", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: triangulate ingest \[options\] INPUT\.\.\./);
  });

  it("writes nothing of a document whose store write fails half way", async () => {
    // Every claim twice: the second copy breaks a UNIQUE constraint after the
    // document, its actors and mentions were written in the same transaction.
    const openStore = (path: string): Promise<Store> => {
      const store = openSqliteStore(path);
      return Promise.resolve({
        ...store,
        saveDocuments: (batch) =>
          store.saveDocuments(
            batch.map(({ doc, extraction }) => ({
              doc,
              extraction: doc.uri.endsWith("caspian-talks.txt")
                ? { ...extraction, claims: [...extraction.claims, ...extraction.claims] }
                : extraction,
            })),
          ),
      });
    };
    const result = await run(["--db", db, "good/caspian-talks.txt", "good/pipeline-deal.html"], {
      deps: { openStore },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^good\/caspian-talks\.txt: not stored: .+\n$/);
    const { stats, docs } = await contents(db);
    expect(docs.map((d) => d.uri)).toEqual(["good/pipeline-deal.html"]);
    const alone = join(work, "alone.db");
    await run(["--db", alone, "good/pipeline-deal.html"]);
    // Nothing of the failed document is left: the counts are those of the other one alone.
    expect(stats).toEqual((await contents(alone)).stats);
  });

  it("refuses a page nested 100,000 deep, a FIFO and a device, each on one line, and stores the article beside them", async () => {
    const folder = mkdtempSync(join(work, "hostile-"));
    const depth = 100_000;
    writeFileSync(
      join(folder, "deep.html"),
      `<html><body>${"<div>".repeat(depth)}<p>x</p>${"</div>".repeat(depth)}`,
    );
    spawnSync("mkfifo", [join(folder, "fifo.txt")]);
    symlinkSync("/dev/zero", join(folder, "zero.txt"));
    copyFileSync(join(FIXTURES, "good", "caspian-talks.txt"), join(folder, "talks.txt"));
    const result = await run(["--db", db, folder]);
    expect(result.stderr.split("\n")).toEqual([
      `${folder}/deep.html: HTML nested over 256 levels deep`,
      `${folder}/fifo.txt: not a regular file (a FIFO)`,
      `${folder}/zero.txt: not a regular file (a character device)`,
      "",
    ]);
    expect(result.code).toBe(1);
    expect(summaryOf(result.stdout).slice(0, 5)).toEqual([4, 1, 0, 0, 3]);
    expect((await contents(db)).docs.map((d) => d.uri)).toEqual([`${folder}/talks.txt`]);
  });

  it("refuses a Markdown file whose front matter is not YAML, naming the file and the line, and stores the rest", async () => {
    const folder = mkdtempSync(join(work, "front-matter-"));
    copyFileSync(join(FIXTURES, "bad", "front-matter.md"), join(folder, "bad.md"));
    copyFileSync(join(FIXTURES, "good", "embassy-reopens.md"), join(folder, "good.md"));
    const result = await run(["--db", db, folder]);
    expect(result.stderr).toBe(
      `${folder}/bad.md: front matter line 3: Nested mappings are not allowed in compact mappings\n`,
    );
    expect(result.code).toBe(1);
    expect(summaryOf(result.stdout).slice(0, 5)).toEqual([2, 1, 0, 0, 1]);
    const { stats, docs } = await contents(db);
    expect(docs.map((d) => [d.uri, d.title])).toEqual([
      [`${folder}/good.md`, "Embassy reopens after two years"],
    ]);
    // Nothing of the refused file is stored: the counts are those of the good one alone.
    const alone = join(work, "good-alone.db");
    await run(["--db", alone, join(folder, "good.md")]);
    expect(stats).toEqual((await contents(alone)).stats);
  });

  // Three runs of 55 documents, two of them starting threads that each load a model: on a busy machine, beyond 30 s.
  it(
    "stores the same with sentences or whole extraction on worker threads as on the main thread",
    { timeout: 120_000 },
    async () => {
      const folder = mkdtempSync(join(work, "batch-"));
      const states = ["Georgia", "Armenia", "Turkey", "Iran", "Israel"];
      for (let i = 0; i < 55; i++) {
        const [a, b] = [states[i % 5], states[(i + 2) % 5]];
        writeFileSync(
          join(folder, `item-${i}.txt`),
          `${a} and ${b} signed ${i + 2} agreements on trade in ${2000 + i}, officials said on Monday.`,
        );
      }
      const single = join(work, "single.db");
      const unthreaded = await run(["--db", single, "--threads", "0", folder]);
      expect(summaryOf(unthreaded.stdout).slice(0, 2)).toEqual([55, 55]);
      const expected = await contents(single);
      // By default sentences are found on one worker thread; with --threads N whole documents on N.
      for (const threads of [[], ["--threads", "2"]]) {
        const threadedDb = join(work, `threaded-${threads.length}.db`);
        const threaded = await run(["--db", threadedDb, ...threads, folder]);
        expect(threaded.code).toBe(0);
        expect(threaded.stdout).toBe(unthreaded.stdout);
        const actual = await contents(threadedDb);
        expect(actual.stats).toEqual(expected.stats);
        expect(actual.docs.map((d) => d.id)).toEqual(expected.docs.map((d) => d.id));
      }
    },
  );

  it("draws a progress bar on stderr only on a terminal", async () => {
    const terminal = await run(["--db", db, "good"], { interactive: true });
    expect(terminal.stderr).toMatch(/\[=+\] 3\/3/);
    expect(terminal.stderr.endsWith("\r\x1b[K")).toBe(true);
    const piped = await run(["--db", join(work, "piped.db"), "good"], { interactive: false });
    expect(piped.stderr).toBe("");
  });

  it("exits 1 with one line and stores nothing when the knowledge cannot be loaded", async () => {
    const result = await run(["--db", db, "good"], {
      deps: {
        loadKnowledge: () => {
          throw new TriangulateError("invalid_data", "data/cameo/patterns-verbs.txt:3: bad word");
        },
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("triangulate ingest: data/cameo/patterns-verbs.txt:3: bad word\n");
    expect((await contents(db)).stats.documents).toBe(0);
  });

  it("exits 1 with one line when the database cannot be opened", async () => {
    const result = await run(["--db", join(work, "no-such-folder", "kb.db"), "good"]);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
  });
});

describe("bin/triangulate.js ingest", () => {
  it("runs as a process: summary on stdout, failures on stderr, exit 1", () => {
    const child = spawnSync(
      process.execPath,
      [
        join(import.meta.dirname, "..", "..", "bin", "triangulate.js"),
        "ingest",
        "--db",
        db,
        "good/caspian-talks.txt",
        "bad/empty.txt",
      ],
      { cwd: FIXTURES, encoding: "utf8", env: { ...process.env, TRIANGULATE_DB: "" } },
    );
    expect(child.stderr).toBe("bad/empty.txt: empty\n");
    expect(summaryOf(child.stdout).slice(0, 6)).toEqual([2, 1, 0, 0, 1, 0]);
    expect(child.status).toBe(1);
  });
});
