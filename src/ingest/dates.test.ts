import { describe, expect, it } from "vitest";
import { isoDateFromTimestamp } from "./dates.ts";

describe("isoDateFromTimestamp", () => {
  it.each([
    ["2026-03-05T10:00:00+04:00", "2026-03-05"],
    // The date where it was published, not the UTC date (2026-03-06).
    ["2026-03-05T23:30:00-05:00", "2026-03-05"],
    ["2026-03-05", "2026-03-05"],
    ["2026-03", "2026-03"],
    ["2026", "2026"],
    [" 2026-03-05 10:00 ", "2026-03-05"],
    ["Thu, 05 Mar 2026 10:00:00 GMT", "2026-03-05"],
    ["2026-13-05", null],
    ["2026-02-30", null],
    ["yesterday", null],
    ["5", null],
    ["", null],
  ])("%j -> %j", (value, expected) => {
    expect(isoDateFromTimestamp(value)).toBe(expected);
  });
});
