import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS, exportFormatOrThrow, recordTypesOrThrow } from "./registry.ts";

describe("export registry", () => {
  it("finds each format by name, jsonl first", () => {
    expect(EXPORT_FORMATS[0]?.name).toBe("jsonl");
    for (const format of EXPORT_FORMATS) expect(exportFormatOrThrow(format.name)).toBe(format);
  });

  it("names an unknown format and the known ones", () => {
    expect(() => exportFormatOrThrow("xml")).toThrow('unknown format "xml" (formats: jsonl, csv');
  });

  it.each([
    [["event"], ["event"]],
    [
      ["claim,document", " event "],
      ["document", "event", "claim"],
    ],
    [["event,event"], ["event"]],
  ])("reads --type %j in export order", (values, types) => {
    expect(recordTypesOrThrow(values)).toEqual(types);
  });

  it.each([[["events"]], [["event,"]], [[""]]])("refuses %j naming the value", (values) => {
    expect(() => recordTypesOrThrow(values)).toThrow(
      /unknown type ".*" \(types: document, actor, mention, event, claim\)/,
    );
  });
});
