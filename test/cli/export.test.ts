import Database from "better-sqlite3";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_FIELDS } from "../../src/export/fields.ts";
import { CORRECTION_COLUMNS } from "../../src/export/csv.ts";
import { itemAt, sampleCorpus } from "../../src/store/testing/fixtures.ts";
import { createKnowledgeBase, parseCsv, runMain, tempDir } from "./harness.ts";

type Json = Record<string, unknown>;

const corpus = sampleCorpus();
let dir: ReturnType<typeof tempDir>;
let db: string;

beforeAll(async () => {
  dir = tempDir();
  db = join(dir.path, "kb.db");
  await createKnowledgeBase(db, corpus);
});
afterAll(() => {
  dir.remove();
});

const run = (...args: string[]) => runMain(["export", "--db", db, ...args], { cwd: dir.path });
const lines = (text: string): Json[] =>
  text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Json);

describe("triangulate export --format jsonl", () => {
  it("writes documents, actors, events and claims with exactly the issue's fields", async () => {
    const { code, stdout, stderr } = await run("--include-text");
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const records = lines(stdout);
    const count = (type: string) => records.filter((r) => r.type === type).length;
    expect([count("document"), count("actor"), count("event"), count("claim"), count("mention")]).toEqual([
      3, 6, 6, 4, 0,
    ]);
    for (const record of records) {
      const type = record.type as keyof typeof EXPORT_FIELDS;
      expect(Object.keys(record)).toEqual(["type", ...EXPORT_FIELDS[type]]);
    }
    // Documents come first, so a reader knows every document before its records.
    expect(records.slice(0, 3).map((r) => r.type)).toEqual(["document", "document", "document"]);
  });

  it("quotes every event and claim exactly at its offsets in the document text", async () => {
    const records = lines((await run("--include-text")).stdout);
    const texts = new Map(records.filter((r) => r.type === "document").map((d) => [d.id, d.text as string]));
    const evidence = records.filter((r) => r.type === "event" || r.type === "claim");
    expect(evidence).toHaveLength(10);
    for (const r of evidence) {
      expect(texts.get(r.doc)?.slice(r.start as number, r.end as number)).toBe(r.quote);
    }
  });

  it("round-trips the records' values", async () => {
    const records = lines((await run()).stdout);
    const claim = itemAt(itemAt(corpus, 1).extraction.claims, 1);
    expect(records.find((r) => r.id === claim.id)).toEqual({
      type: "claim",
      id: claim.id,
      doc: claim.doc,
      value: 40,
      valueMax: null,
      unit: "percent",
      qualifier: "approx",
      subjects: ["AZE", "ISR"],
      metric: "share of Israel's oil",
      period: null,
      quote: claim.quote,
      start: claim.start,
      end: claim.end,
    });
    const document = records.find((r) => r.type === "document" && r.id === itemAt(corpus, 2).doc.id);
    expect(document).toEqual({
      type: "document",
      id: itemAt(corpus, 2).doc.id,
      uri: "articles/undated.md",
      title: null,
      outlet: "Caspian Wire",
      published: null,
      language: "eng",
      sha256: itemAt(corpus, 2).doc.sha256,
    });
  });

  it.each([
    [["--type", "event"], ["event"]],
    [
      ["--type", "claim,document"],
      ["document", "claim"],
    ],
    [
      ["--type", "event", "--type", "actor"],
      ["actor", "event"],
    ],
    [["--type", "mention"], ["mention"]],
  ])("keeps only the types asked for: %j", async (args, types) => {
    const { code, stdout } = await run(...args);
    expect(code).toBe(0);
    expect([...new Set(lines(stdout).map((r) => r.type))]).toEqual(types);
  });
});

describe("triangulate export --format csv", () => {
  it("writes events by default, with a header and RFC 4180 quoting", async () => {
    const { code, stdout } = await run("--format", "csv");
    expect(code).toBe(0);
    expect(stdout.endsWith("\r\n")).toBe(true);
    const [fields = [], ...rows] = parseCsv(stdout);
    expect(fields).toEqual([...EXPORT_FIELDS.event, ...CORRECTION_COLUMNS]);
    const events = corpus.flatMap((d) => d.extraction.events);
    expect(rows).toHaveLength(events.length);
    const quote = fields.indexOf("quote");
    // The quote with commas, double quotes and a tab survives.
    expect(rows.map((r) => r[quote]).sort()).toEqual(events.map((e) => e.quote).sort());
    const undated = rows.find((r) => r[fields.indexOf("cameo")] === "190") ?? [];
    expect(undated[fields.indexOf("date")]).toBe("");
    expect(undated[fields.indexOf("modality")]).toBe("negated");
    // What coded each event: empty where it was not recorded.
    const rule = fields.indexOf("rule");
    expect(rows.map((r) => r[rule]).sort()).toEqual(events.map((e) => e.rule ?? "").sort());
  });

  it("writes claims with --type claim, subjects joined by semicolons", async () => {
    const { code, stdout } = await run("--format", "csv", "--type", "claim");
    expect(code).toBe(0);
    const [fields = [], ...rows] = parseCsv(stdout);
    expect(fields).toEqual([...EXPORT_FIELDS.claim, ...CORRECTION_COLUMNS]);
    expect(rows.map((r) => r[fields.indexOf("subjects")])).toEqual(["AZE", "AZE;IRN", "AZE;IRN", "AZE;ISR"]);
    expect(rows.map((r) => Number(r[fields.indexOf("value")]))).toEqual([4, 40, 2e9, 40]);
  });

  it("refuses two types at once", async () => {
    const { code, stdout, stderr } = await run("--format", "csv", "--type", "event,claim");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /^triangulate export: csv writes one record type at a time, not "event,claim".*\n$/,
    );
  });
});

describe("triangulate export usage errors", () => {
  it.each([
    [["--format", "xml"], /unknown format "xml"/],
    [["--type", "event,gadget"], /unknown type "gadget"/],
    [["--bogus"], /unknown option '--bogus'/],
    [["--format"], /argument missing/],
    [["stray"], /unexpected argument 'stray'/],
    [["-o", ""], /-o needs a file name/],
  ])("%j exits 2 with one line naming the value", async (args, message) => {
    const { code, stdout, stderr } = await run(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("triangulate export -o", () => {
  it("writes the file and nothing on stdout", async () => {
    const out = join(dir.path, "kb.jsonl");
    const { code, stdout } = await run("-o", out, "--type", "event");
    expect({ code, stdout }).toEqual({ code: 0, stdout: "" });
    expect(lines(readFileSync(out, "utf8"))).toHaveLength(6);
    expect(readdirSync(dir.path).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("resolves a relative path against the working directory", async () => {
    const { code } = await run("--output", "relative.csv", "--format", "csv");
    expect(code).toBe(0);
    expect(parseCsv(readFileSync(join(dir.path, "relative.csv"), "utf8"))).toHaveLength(7);
  });

  it("leaves an existing file untouched and no temporary file when the export fails half-way", async () => {
    const broken = tempDir();
    try {
      const brokenDb = join(broken.path, "broken.db");
      await createKnowledgeBase(brokenDb, corpus);
      // Corrupt the last claim: the export fails after documents, actors and events are written.
      const raw = new Database(brokenDb);
      raw.prepare("UPDATE claims SET subjects = 'not json' WHERE seq = (SELECT max(seq) FROM claims)").run();
      raw.close();
      const out = join(broken.path, "kb.jsonl");
      writeFileSync(out, "previous export\n");
      const { code, stderr } = await runMain(["export", "--db", brokenDb, "-o", out], { cwd: broken.path });
      expect(code).toBe(1);
      expect(stderr).toMatch(/^triangulate export: .*claims\.subjects.*\n$/);
      expect(readFileSync(out, "utf8")).toBe("previous export\n");
      expect(readdirSync(broken.path).filter((f) => !f.startsWith("broken.db"))).toEqual(["kb.jsonl"]);
    } finally {
      broken.remove();
    }
  });

  it("fails with exit 1 naming a folder that does not exist", async () => {
    const { code, stderr } = await run("-o", join(dir.path, "missing", "kb.jsonl"));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^triangulate export: cannot write .*missing.*kb\.jsonl/);
  });
});
