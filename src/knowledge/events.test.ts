import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCameoTable } from "../core/cameo-table.ts";
import {
  parseComposeTable,
  parsePatternLine,
  parsePatterns,
  PATTERN_FILES,
} from "../extract/events/lexicon.ts";
import { COMPOSE_FILE, CUES_FILE, loadEventLexicon, parseEventCues } from "./events.ts";
import { DATA_DIR } from "./load.ts";

const read = (path: string): string => readFileSync(join(DATA_DIR, path), "utf8");

describe("event lexicon data", () => {
  const lexicon = loadEventLexicon(DATA_DIR);
  const cameo = parseCameoTable(read("cameo/cameo-codes.tsv"));

  it("loads the verb and noun patterns with codes of the CAMEO table", () => {
    expect(lexicon.size).toBeGreaterThan(600);
    for (const pattern of lexicon.patterns) expect(cameo.get(pattern.code), pattern.origin).toBeDefined();
    expect(new Set(lexicon.patterns.map((p) => p.triggerClass))).toEqual(new Set(["verb", "noun"]));
  });

  it("has verb patterns for every root 01-20, and noun patterns for all but statements", () => {
    const roots = (cls: string) =>
      new Set(lexicon.patterns.filter((p) => p.triggerClass === cls).map((p) => p.code.slice(0, 2)));
    const all = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, "0"));
    expect([...roots("verb")].sort()).toEqual(all);
    expect([...roots("noun")].sort()).toEqual(all.filter((r) => r !== "01"));
  });

  it("has no duplicate pattern", () => {
    const seen = new Map<string, string>();
    for (const pattern of lexicon.patterns) {
      const key = `${pattern.triggerClass}:${pattern.text}`;
      expect(seen.get(key), `${pattern.origin} repeats ${seen.get(key) ?? ""}`).toBeUndefined();
      seen.set(key, pattern.origin);
    }
  });

  it("gives every composition a code of the CAMEO table", () => {
    const rules = parseComposeTable(read(COMPOSE_FILE), COMPOSE_FILE);
    expect(rules.length).toBeGreaterThan(150);
    for (const rule of rules) expect(cameo.get(rule.code), `${rule.kind} ${rule.complement}`).toBeDefined();
  });

  it.each([
    ["intent", "042", "036"],
    ["intent", "045", "039"],
    ["intent", "0871", "0356"],
    ["intent", "161", "1313"],
    ["refuse", "084", "1243"],
    ["refuse", "040", "125"],
    ["appeal", "084", "0253"],
    ["demand", "087", "1056"],
    ["threat", "19", "1384"],
  ] as const)("composes %s with %s into %s (longest prefix)", (kind, complement, code) => {
    expect(lexicon.compose(kind, complement)).toBe(code);
  });

  it("has no composition for a pair it does not define", () => {
    expect(lexicon.compose("allege", "04")).toBeNull();
  });

  it("indexes patterns by each trigger alternative", () => {
    expect(lexicon.patternsFor("expel").map((p) => p.code)).toEqual(expect.arrayContaining(["161", "174"]));
    expect(lexicon.patternsFor("step").map((p) => p.code)).toContain("0831");
    expect(lexicon.patternsFor("zebra")).toEqual([]);
  });

  it("loads every cue list", () => {
    const cues = parseEventCues(read(CUES_FILE));
    expect(cues.negation.has("not")).toBe(true);
    expect(cues.contexts.get("military")?.has("troops")).toBe(true);
  });

  it("reads every pattern file it names", () => {
    for (const { file, triggerClass } of PATTERN_FILES) {
      expect(parsePatterns(read(file), triggerClass, file).length).toBeGreaterThan(100);
    }
  });
});

describe("pattern syntax", () => {
  it("parses words, alternatives, gaps, slots, complements and flags", () => {
    const pattern = parsePatternLine("030  agree * to >  ; intent recip", "verb", "t:1");
    expect(pattern).toMatchObject({
      code: "030",
      trigger: [["agree"]],
      rest: [{ kind: "gap" }, { kind: "words", optional: false }, { kind: "complement" }],
      compose: "intent",
      recip: true,
      weight: 2,
    });
    expect(parsePatternLine("0831 resign|step_down ; intrans", "verb", "t:2").trigger).toEqual([
      ["resign"],
      ["step", "down"],
    ]);
    expect(parsePatternLine("190 kill @T? ; if=military", "verb", "t:3")).toMatchObject({
      rest: [{ kind: "target", optional: true }],
      context: { name: "military", present: true },
    });
  });

  it.each([
    ["04x visit @T", /bad CAMEO code/],
    ["042 @T visit", /starts with a trigger/],
    ["042 visit > @T ; intent", /ends a pattern/],
    ["042 visit >", /composition kind/],
    ["042 visit ; intent", /composition kind/],
    ["042 visit ; sometimes", /unknown flag/],
    ["042 visit @T @T", /more than one @T/],
  ])("rejects %s naming its line", (line, message) => {
    expect(() => parsePatternLine(line, "verb", "patterns.txt:7")).toThrow(message);
    expect(() => parsePatternLine(line, "verb", "patterns.txt:7")).toThrow(/patterns\.txt:7/);
  });

  it("names the file and line of a bad pattern in a file", () => {
    expect(() => parsePatterns("# comment\n042 visit @T\n\nxyz\n", "verb", "p.txt")).toThrow(/p\.txt:4/);
  });

  it("rejects a composition row of an unknown kind", () => {
    expect(() => parseComposeTable("kind\tcomplement\tcode\nwish\t04\t036\n", "c.tsv")).toThrow(/c\.tsv:2/);
  });

  it("rejects a cue file with a missing list", () => {
    expect(() => parseEventCues(JSON.stringify({ negation: ["not"] }), "cues.json")).toThrow(/cues\.json/);
  });
});
