import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCameoTable } from "./cameo-table.ts";

// The core reads no files (it runs in the browser too): the test reads the data folder.
const DATA_DIR = join(import.meta.dirname, "..", "..", "data");

describe("CAMEO table", () => {
  const table = parseCameoTable(readFileSync(join(DATA_DIR, "cameo", "cameo-codes.tsv"), "utf8"));

  it("holds every code of all twenty roots with Goldstein and PLOVER values", () => {
    expect(table.entries).toHaveLength(312);
    expect(new Set(table.entries.map((e) => e.root)).size).toBe(20);
    expect(table.get("174")).toMatchObject({ root: "17", goldstein: -5, plover: "COERCE" });
    expect(table.get("042")).toMatchObject({ root: "04", plover: "CONSULT" });
    expect(table.get("010")?.plover).toBeNull();
  });

  it("names the line of a malformed row", () => {
    const tsv =
      "code\troot\tname\tgoldstein\tplover\n042\t04\tMake a visit\t1.9\tCONSULT\n05x\t05\tBad\t3\t\n";
    expect(() => parseCameoTable(tsv)).toThrow(/line 3/);
  });
});
