import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { UNITS } from "../core/records.ts";
import { DATA_DIR } from "./load.ts";
import { loadUnitTable } from "./units.ts";

describe("loadUnitTable", () => {
  const table = loadUnitTable(DATA_DIR);
  const forms = [...table.forms.values()].flat();
  let scratch: string | null = null;
  afterEach(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    scratch = null;
  });

  it("maps every surface form to a canonical unit of the core", () => {
    fc.assert(
      fc.property(fc.constantFrom(...forms), (form) => {
        expect(UNITS).toContain(form.unit);
        expect(form.factor).toBeGreaterThan(0);
      }),
    );
  });

  it.each([
    ["bcm", "m3", 1e9],
    ["km", "km", 1],
    ["kilometer", "km", 1],
    ["tonnes", "t", 1],
    ["tons", "t", 1],
    ["barrels", "bbl", 1],
    ["weeks", "day", 7],
    ["decade", "year", 10],
    ["hours", "minute", 60],
    ["$", "USD", 1],
    ["€", "EUR", 1],
    ["AZN", "AZN", 1],
  ])("reads %s as %s x %d", (word, unit, factor) => {
    const form = table.forms.get(word)?.find((f) => f.words.length === 1);
    expect(form).toMatchObject({ unit, factor });
  });

  it.each([
    ["million", 1e6],
    ["mln", 1e6],
    ["bn", 1e9],
    ["billion", 1e9],
    ["trillion", 1e12],
    ["thousand", 1e3],
    ["k", 1e3],
  ])("scales by %s", (word, factor) => {
    expect(table.scales.get(word)?.factor).toBe(factor);
  });

  it("rejects a unit the core does not know, naming the file and the field", () => {
    scratch = mkdtempSync(join(tmpdir(), "units-"));
    cpSync(DATA_DIR, scratch, { recursive: true });
    const path = join(scratch, "units.json");
    const data = JSON.parse(readFileSync(path, "utf8")) as { units: { unit: string }[] };
    const first = data.units[0];
    if (first) first.unit = "furlong";
    writeFileSync(path, JSON.stringify(data));
    expect(() => loadUnitTable(scratch ?? "")).toThrow(/units\.json: units\.0\.unit/);
  });
});
