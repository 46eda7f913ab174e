import { describe, expect, it } from "vitest";
import { fixtureRecords } from "../../test/analysis/fixture-kb.ts";
import { GDELT_COLUMNS, gdeltFormat } from "./gdelt.ts";

async function exportGdelt(): Promise<string[][]> {
  let out = "";
  const types = gdeltFormat.types(null);
  for await (const chunk of gdeltFormat.write(fixtureRecords(), { includeText: false, types })) out += chunk;
  expect(out.endsWith("\n")).toBe(true);
  return out
    .slice(0, -1)
    .split("\n")
    .map((line) => line.split("\t"));
}

const INTEGER = /^\d+$/;

describe("gdelt export", () => {
  it("writes a header of GDELT 2.0's 61 event columns and rows of as many cells", async () => {
    const [header, ...rows] = await exportGdelt();
    expect(GDELT_COLUMNS).toHaveLength(61);
    expect(header).toEqual([...GDELT_COLUMNS]);
    expect(header?.slice(0, 8)).toEqual([
      "GLOBALEVENTID",
      "SQLDATE",
      "MonthYear",
      "Year",
      "FractionDate",
      "Actor1Code",
      "Actor1Name",
      "Actor1CountryCode",
    ]);
    expect(header?.at(-1)).toBe("SOURCEURL");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toHaveLength(61);
  });

  it("types each column as GDELT does", async () => {
    const [header = [], ...rows] = await exportGdelt();
    const col = (row: string[], name: string): string => row[header.indexOf(name)] ?? "";
    for (const row of rows) {
      expect(col(row, "GLOBALEVENTID")).toMatch(INTEGER);
      expect(col(row, "SQLDATE")).toMatch(/^(?:\d{8})?$/);
      expect(col(row, "MonthYear")).toMatch(/^(?:\d{6})?$/);
      expect(col(row, "Year")).toMatch(/^(?:\d{4})?$/);
      expect(col(row, "FractionDate")).toMatch(/^(?:\d{4}\.\d{4})?$/);
      expect(col(row, "EventRootCode")).toMatch(/^\d{2}$/);
      expect(col(row, "EventCode").startsWith(col(row, "EventBaseCode"))).toBe(true);
      expect(col(row, "QuadClass")).toMatch(/^[1-4]$/);
      expect(Math.abs(Number(col(row, "GoldsteinScale")))).toBeLessThanOrEqual(10);
      for (const name of ["NumMentions", "NumSources", "NumArticles"])
        expect(col(row, name)).toMatch(INTEGER);
      expect(col(row, "AvgTone")).toBe("");
      expect(col(row, "ActionGeo_Lat")).toBe("");
    }
    expect(new Set(rows.map((row) => col(row, "GLOBALEVENTID"))).size).toBe(rows.length);
  });

  it("writes one expulsion reported three times as one event: 3 mentions, 3 articles, 2 sources", async () => {
    const [header = [], ...rows] = await exportGdelt();
    const col = (row: string[], name: string): string => row[header.indexOf(name)] ?? "";
    const expulsion = rows.filter(
      (row) => col(row, "EventRootCode") === "16" || col(row, "EventRootCode") === "17",
    );
    expect(expulsion).toHaveLength(1);
    const [row = []] = expulsion;
    expect({
      SQLDATE: col(row, "SQLDATE"),
      MonthYear: col(row, "MonthYear"),
      Year: col(row, "Year"),
      FractionDate: col(row, "FractionDate"),
      Actor1Code: col(row, "Actor1Code"),
      Actor1Name: col(row, "Actor1Name"),
      Actor2CountryCode: col(row, "Actor2CountryCode"),
      EventCode: col(row, "EventCode"),
      EventBaseCode: col(row, "EventBaseCode"),
      QuadClass: col(row, "QuadClass"),
      GoldsteinScale: col(row, "GoldsteinScale"),
      NumMentions: col(row, "NumMentions"),
      NumArticles: col(row, "NumArticles"),
      NumSources: col(row, "NumSources"),
      DATEADDED: col(row, "DATEADDED"),
      SOURCEURL: col(row, "SOURCEURL"),
    }).toEqual({
      SQLDATE: "20230406",
      MonthYear: "202304",
      Year: "2023",
      FractionDate: "2023.3452",
      Actor1Code: "IRN",
      Actor1Name: "IRAN",
      Actor2CountryCode: "AZE",
      EventCode: "166",
      EventBaseCode: "166",
      QuadClass: "4",
      GoldsteinScale: "-7",
      NumMentions: "3",
      NumArticles: "3",
      NumSources: "2",
      DATEADDED: "20230407000000",
      SOURCEURL: `https://example.org/a1`,
    });
  });

  it("writes dates only as precisely as known", async () => {
    const [header = [], ...rows] = await exportGdelt();
    const col = (row: string[], name: string): string => row[header.indexOf(name)] ?? "";
    const yearOnly = rows.find((row) => col(row, "EventCode") === "061") ?? [];
    expect([col(yearOnly, "SQLDATE"), col(yearOnly, "MonthYear"), col(yearOnly, "Year")]).toEqual([
      "",
      "",
      "2023",
    ]);
    const monthOnly = rows.find((row) => col(row, "EventCode") === "040") ?? [];
    expect([col(monthOnly, "SQLDATE"), col(monthOnly, "MonthYear")]).toEqual(["", "202405"]);
    expect(col(monthOnly, "Actor1Name")).toBe("ILHAM ALIYEV");
    expect(col(monthOnly, "Actor1CountryCode")).toBe("AZE");
  });

  it("writes events only", () => {
    expect(() => gdeltFormat.types(["claim"])).toThrow(/events only/);
    expect([...gdeltFormat.types(["event"])]).toEqual(["document", "actor", "event"]);
  });
});
