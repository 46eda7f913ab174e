import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createAnalysis } from "../src/analysis/analysis.ts";
import { readAnalysisInput } from "../src/analysis/from-store.ts";
import type { KbRecord, RecordType } from "../src/core/records.ts";
import { readManifest as readIngestManifest } from "../src/ingest/manifest.ts";
import { loadCodingKnowledge, loadKnowledge } from "../src/knowledge/load.ts";
import { createWinkEngine } from "../src/nlp/wink-engine.ts";
import { ingest } from "../src/pipeline/ingest.ts";
import { SILENT_REPORTER } from "../src/pipeline/report.ts";
import { openSqliteStore } from "../src/store/open.ts";
import { readGold, scoreAgainstGold } from "./quality/gold-score.ts";

/** The bundled corpus that `npm start` loads (see corpus/README.md). */
const CORPUS_DIR = join(import.meta.dirname, "..", "corpus");

const PUBLISHED = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A published date is a real calendar date at the precision it gives. */
function isCalendarDate(value: string): boolean {
  const [year, month = "01", day = "01"] = value.split("-");
  const date = new Date(`${year ?? ""}-${month}-${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${year ?? ""}-${month}-${day}`);
}

const entrySchema = z
  .object({
    file: z.string().regex(/^\d{2}-[a-z0-9-]+\.txt$/, "NN-slug.txt"),
    published: z
      .string()
      .regex(PUBLISHED, "YYYY, YYYY-MM or YYYY-MM-DD")
      .refine(isCalendarDate, "a real date"),
    outlet: z.string().trim().min(1),
    title: z.string().trim().min(1),
    // Each source reads "outlet, date, title"; several are separated by ";".
    sources: z
      .string()
      .trim()
      .min(1)
      .refine(
        (s) => s.split(";").every((one) => /^[^,]+, \d{4}(-\d{2}(-\d{2})?)?, \S/.test(one.trim())),
        "each source as 'outlet, date, title'",
      ),
  })
  .strict()
  // A brief stands for the reporting it summarises: its outlet is that of its first source.
  .refine((e) => e.sources.startsWith(`${e.outlet},`), "outlet: the outlet of the first source");

const manifestSchema = z.array(entrySchema);
type Entry = z.infer<typeof entrySchema>;

function readManifest(): Entry[] {
  const raw: unknown = JSON.parse(readFileSync(join(CORPUS_DIR, "manifest.json"), "utf8"));
  return manifestSchema.parse(raw);
}

function readBrief(file: string): string {
  return readFileSync(join(CORPUS_DIR, file), "utf8");
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

describe("bundled corpus manifest", () => {
  const manifest = readManifest();

  it("lists at least 12 briefs, each once", () => {
    expect(manifest.length).toBeGreaterThanOrEqual(12);
    const files = manifest.map((e) => e.file);
    expect(new Set(files).size).toBe(files.length);
  });

  it("lists every brief in the folder, and every listed brief exists", () => {
    const onDisk = readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith(".txt"))
      .sort();
    expect(manifest.map((e) => e.file).sort()).toEqual(onDisk);
    for (const e of manifest) expect(existsSync(join(CORPUS_DIR, e.file)), e.file).toBe(true);
  });

  it("rejects entries with a bad date, an outlet not its first source's, or no sources", () => {
    const good: Entry = {
      file: "01-a.txt",
      published: "2023-04",
      outlet: "Reuters",
      title: "t",
      sources: "Reuters, 2023-04-06, 'Azerbaijan expels four Iranian diplomats'",
    };
    expect(entrySchema.safeParse(good).success).toBe(true);
    const bad: Record<string, unknown>[] = [
      { ...good, published: "2023-13" },
      { ...good, published: "2023-02-30" },
      { ...good, published: "April 2023" },
      { ...good, outlet: "Triangulate briefs" },
      { ...good, sources: "" },
      { ...good, sources: "Reuters" },
      { ...good, file: "brief.txt" },
      { file: good.file, published: good.published, outlet: good.outlet, title: good.title },
    ];
    for (const entry of bad) expect(entrySchema.safeParse(entry).success, JSON.stringify(entry)).toBe(false);
  });

  it.each(manifest.map((e) => [e.file, e] as const))("%s is a short NFC brief of 150-400 words", (_, e) => {
    const text = readBrief(e.file);
    expect(text.normalize("NFC")).toBe(text);
    expect(text.includes("\r")).toBe(false);
    const words = wordCount(text);
    expect(words).toBeGreaterThanOrEqual(150);
    expect(words).toBeLessThanOrEqual(400);
  });

  it("keeps briefs that quote the same figure differently", () => {
    // The comparison views need at least one disagreement to show.
    const texts = manifest.map((e) => readBrief(e.file));
    const quoting = (phrase: string): number => texts.filter((t) => t.includes(phrase)).length;
    expect(quoting("69 percent")).toBeGreaterThanOrEqual(1);
    expect(quoting("almost 70 percent")).toBeGreaterThanOrEqual(1);
  });

  it("reports the April 2023 expulsions in more than one brief", () => {
    const texts = manifest.map((e) => readBrief(e.file));
    expect(texts.filter((t) => t.includes("expelled four Iranian diplomats")).length).toBeGreaterThanOrEqual(
      2,
    );
  });
});

/**
 * The quality floor: the corpus through the real pipeline, scored against its
 * gold (`test/fixtures/corpus-gold`) as `npm run eval` scores it, so that an
 * extraction change that loses events or figures fails `npm test`, with no
 * need of ../shared. Each floor sits just under the figure measured when it
 * was set (events P 0.849, R 0.716, F1 0.777; claims P 0.983, R 1.00, F1
 * 0.991, subjects 0.854): raise them as the figures rise. Events precision
 * and F1 were lowered to 0.82 and 0.76 (measured 0.821 and 0.768) when acts
 * with one party came to stand alone ("Iranian police arrested him", "Israel
 * agreed to pay compensation", "Tehran opposed any deployment of foreign
 * forces"): the gold records only events between two parties, so each counts
 * against precision here while the labelled news sets gain (ConfliBERT
 * macro-F1 from 0.549 to 0.63). Recall and F1 were raised to 0.73 and 0.77
 * (measured 0.736 and 0.777) when "the two navies" and the like came to name
 * the last two states.
 */
describe("extraction quality on the bundled corpus", () => {
  const store = openSqliteStore(":memory:");
  beforeAll(async () => {
    const { summary } = await ingest(
      [],
      { manifest: await readIngestManifest(join(CORPUS_DIR, "manifest.json")) },
      {
        store,
        nlp: createWinkEngine(),
        loadKnowledge,
        loadCodingKnowledge,
        fetch: () => Promise.reject(new Error("the corpus is read from files")),
        reporter: SILENT_REPORTER,
        readStdin: () => Promise.reject(new Error("the corpus is read from files")),
      },
    );
    expect(summary).toMatchObject({ added: readManifest().length, failed: 0 });
  }, 120_000);
  afterAll(async () => {
    await store.close();
  });

  it("scores events and claims at or above their floors", async () => {
    const records: KbRecord[] = [];
    const types = new Set<RecordType>(["document", "event", "claim"]);
    for await (const record of store.records(types)) records.push(record);
    const score = scoreAgainstGold(readGold(join(import.meta.dirname, "fixtures", "corpus-gold")), records);
    const floors: readonly (readonly [string, number, number])[] = [
      ["events F1", score.events.f1, 0.77],
      ["events precision", score.events.precision, 0.82],
      ["events recall", score.events.recall, 0.73],
      ["claims F1", score.claims.f1, 0.98],
      ["claims precision", score.claims.precision, 0.96],
      ["claims recall", score.claims.recall, 0.98],
      ["claims subjects agree", score.claims.subjectsAgree, 0.84],
    ];
    for (const [measure, value, floor] of floors) {
      expect(value, `${measure}: ${JSON.stringify(score)}`).toBeGreaterThanOrEqual(floor);
    }
  });

  // The gunman who attacked Azerbaijan's embassy in Tehran is unidentified
  // (UNK -> AZE): the attack is on the AZE–IRN pair by where it happened.
  it("puts the January 2023 attack on the embassy in Tehran on the AZE–IRN pair", async () => {
    const analysis = createAnalysis(await readAnalysisInput(store));
    const january = analysis
      .dyads({ interval: "month" })
      .find((row) => row.a === "AZE" && row.b === "IRN" && row.period === "2023-01");
    expect(january?.notes).toEqual(["attacker unknown, in IRN"]);
    const attack = analysis
      .eventClusters()
      .find((c) => c.root === "18" && c.targetCountry === "AZE" && c.date?.startsWith("2023-01"));
    expect(attack).toMatchObject({ sourceCountry: "UNK", location: "IRN" });
  });
});
