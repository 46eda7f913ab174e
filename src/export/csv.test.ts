import { describe, expect, it } from "vitest";
import { isoDateOrThrow } from "../core/ids.ts";
import { itemAt, sampleCorpus } from "../store/testing/fixtures.ts";
import { CORRECTION_COLUMNS, csvCell, csvFormat } from "./csv.ts";
import { EXPORT_FIELDS } from "./fields.ts";

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["with, comma", '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["carriage\rreturn", '"carriage\rreturn"'],
    ["tab\tis fine", "tab\tis fine"],
    [null, ""],
    [-2.5, "-2.5"],
    [2e9, "2000000000"],
    [["AZE", "ISR"], "AZE;ISR"],
    [[], ""],
  ] as const)("%j -> %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("csvFormat", () => {
  it.each([
    [null, ["event"]],
    [["claim"], ["claim"]],
    [["document"], ["document"]],
  ] as const)("reads %j as %j", (requested, types) => {
    expect([...csvFormat.types(requested)]).toEqual(types);
  });

  it.each([[["event", "claim"]], [[]]] as const)("refuses %j", (requested) => {
    expect(() => csvFormat.types(requested)).toThrow(expect.objectContaining({ code: "usage" }) as Error);
  });

  it("writes a header and one row per record of its type, ignoring others", async () => {
    const doc = itemAt(sampleCorpus(), 0);
    const records = [doc.doc, ...doc.extraction.actors, ...doc.extraction.claims, ...doc.extraction.events];
    const out = await text(csvFormat.write(records, { includeText: false, types: new Set(["claim"]) }));
    const rows = out.split("\r\n");
    expect(rows[0]).toBe([...EXPORT_FIELDS.claim, ...CORRECTION_COLUMNS].join(","));
    expect(rows).toHaveLength(doc.extraction.claims.length + 2);
    expect(rows.at(-1)).toBe("");
  });

  it("gives each event the state where it happened, empty where the sentence names none", async () => {
    const visit = itemAt(sampleCorpus(), 1);
    const out = await text(
      csvFormat.write(visit.extraction.events, { includeText: false, types: new Set(["event"]) }),
    );
    const [header = "", ...rows] = out.split("\r\n");
    const column = header.split(",").indexOf("location");
    expect(column).toBeGreaterThan(0);
    // The rows have no quoted commas before the location column.
    expect(rows.filter((row) => row !== "").map((row) => row.split(",")[column])).toEqual(["AZE", ""]);
  });

  it("says after an event's fields who corrected it, when, and what was extracted", async () => {
    const visit = itemAt(sampleCorpus(), 1);
    const [first, second] = visit.extraction.events;
    if (!first || !second) throw new Error("the fixture has two events");
    const corrected = {
      ...first,
      date: isoDateOrThrow("2024-07-02"),
      correction: {
        status: "edited" as const,
        by: "Nino",
        at: "2026-12-07T09:30:00.000Z",
        original: { date: first.date },
        corrections: [1],
      },
    };
    const out = await text(
      csvFormat.write([corrected, second], { includeText: false, types: new Set(["event"]) }),
    );
    const [header = "", edited = "", untouched = ""] = out.split("\r\n");
    expect(header.endsWith(",correction,correctedBy,correctedAt,original")).toBe(true);
    expect(edited.endsWith(',edited,Nino,2026-12-07T09:30:00.000Z,"{""date"":""2024-07""}"')).toBe(true);
    expect(edited).toContain(",2024-07-02,");
    expect(untouched.endsWith(",,,,")).toBe(true);
  });

  it("writes document text only with includeText", async () => {
    const doc = itemAt(sampleCorpus(), 0);
    const without = await text(
      csvFormat.write([doc.doc], { includeText: false, types: new Set(["document"]) }),
    );
    const withText = await text(
      csvFormat.write([doc.doc], { includeText: true, types: new Set(["document"]) }),
    );
    expect(without.split("\r\n")[0]).not.toContain("text");
    expect(withText.split("\r\n")[0]).toMatch(/,text$/);
    expect(withText).toContain('"Iran expelled four Azerbaijani diplomats on April 6.\n');
  });
});
