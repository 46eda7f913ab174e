import { describe, expect, it } from "vitest";
import type { ClaimClusterItem, EventItem } from "../api.ts";
import type { ExportColumn, ExportTable } from "./table-export.ts";
import {
  CLUSTER_COLUMNS,
  clusterFigures,
  eventColumns,
  exportFileName,
  recordIds,
  toCsv,
  toJson,
} from "./table-export.ts";

interface Row {
  readonly text: string | null;
  readonly n: number;
}

const COLUMNS: readonly ExportColumn<Row>[] = [
  { key: "text", value: (r) => r.text },
  { key: "n", value: (r) => r.n },
];

function table(rows: readonly Row[]): ExportTable<Row> {
  return { name: "rows", columns: COLUMNS, rows };
}

describe("toCsv", () => {
  it.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['the "deal"', '"the ""deal"""'],
    ["two\nlines", '"two\nlines"'],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["-5 killed", "'-5 killed"],
    ["@user, said", '"\'@user, said"'],
    [null, ""],
  ])("writes %j as %s", (text, field) => {
    expect(toCsv(table([{ text, n: 1 }]))).toBe(`text,n\r\n${field},1\r\n`);
  });

  it("writes numbers as they are, negative ones too, and a header for no rows", () => {
    expect(toCsv(table([{ text: "x", n: -7.5 }]))).toBe("text,n\r\nx,-7.5\r\n");
    expect(toCsv(table([]))).toBe("text,n\r\n");
  });
});

describe("toJson", () => {
  it("writes an object a row, keyed by the columns, values typed", () => {
    expect(
      JSON.parse(
        toJson(
          table([
            { text: "a, b", n: 2 },
            { text: null, n: 0 },
          ]),
        ),
      ),
    ).toEqual([
      { text: "a, b", n: 2 },
      { text: null, n: 0 },
    ]);
  });
});

describe("exportFileName", () => {
  it.each([
    ["events", "csv", "triangulate-events-2026-12-07.csv"],
    ["dyad Azerbaijan – Iran", "json", "triangulate-dyad-azerbaijan-iran-2026-12-07.json"],
    ["Türkiye", "csv", "triangulate-turkiye-2026-12-07.csv"],
    ["—", "svg", "triangulate-export-2026-12-07.svg"],
  ])("names %j .%s as %s", (name, extension, file) => {
    expect(exportFileName(name, extension, new Date("2026-12-07T23:59:00Z"))).toBe(file);
  });
});

const EVENT: EventItem = {
  id: "0123456789abcdef-e3",
  doc: "0123456789abcdef",
  date: "2023-04-06",
  source: "IRN",
  sourceCountry: "IRN",
  target: "AZE",
  targetCountry: "AZE",
  cameo: "174",
  root: "17",
  goldstein: -5,
  modality: "asserted",
  quote: "Iran expelled four Azerbaijani diplomats on April 6, 2023.",
} as EventItem;

describe("event columns", () => {
  it("give codes and names, the CAMEO action, and the sentence", () => {
    const names: Record<string, string> = { IRN: "Iran", AZE: "Azerbaijan" };
    const csv = toCsv({ name: "events", columns: eventColumns((k) => names[k] ?? k), rows: [EVENT] });
    expect(csv.split("\r\n")).toEqual([
      "id,date,source,sourceName,cameo,action,target,targetName,goldstein,modality,doc,quote",
      '0123456789abcdef-e3,2023-04-06,IRN,Iran,174,Expel or deport individuals,AZE,Azerbaijan,-5,asserted,0123456789abcdef,"Iran expelled four Azerbaijani diplomats on April 6, 2023."',
      "",
    ]);
    expect(recordIds([EVENT])).toEqual(["0123456789abcdef-e3"]);
  });
});

describe("cluster figures", () => {
  it("puts each figure of each cluster on its own row, beside its cluster's status", () => {
    const figure = (value: number, outlet: string) => ({
      doc: "0123456789abcdef",
      quote: `${value} percent`,
      start: 0,
      end: 10,
      outlet,
      published: "2024-03-10",
      value,
      valueMax: null,
      qualifier: "exact",
      period: null,
    });
    const cluster = {
      id: "k1",
      metric: "share of Israel's oil imports",
      unit: "percent",
      subjects: ["AZE", "ISR"],
      status: "conflict",
      sources: 2,
      claims: [figure(40, "Ledger"), figure(25, "Courier")],
    } as unknown as ClaimClusterItem;
    const rows: unknown = JSON.parse(
      toJson({ name: "clusters", columns: CLUSTER_COLUMNS, rows: clusterFigures([cluster]) }),
    );
    expect(rows).toMatchObject([
      { cluster: "k1", status: "conflict", subjects: "AZE ISR", value: 40, outlet: "Ledger" },
      { cluster: "k1", status: "conflict", subjects: "AZE ISR", value: 25, outlet: "Courier" },
    ]);
  });
});
