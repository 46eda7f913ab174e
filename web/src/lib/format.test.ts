import { describe, expect, it } from "vitest";
import { countOf, dateStart, dateStartMs, formatCount, formatDate } from "./format.ts";

describe("dateStartMs", () => {
  it.each([
    ["2024", Date.UTC(2024, 0, 1)],
    ["2024-05", Date.UTC(2024, 4, 1)],
    ["2024-05-03", Date.UTC(2024, 4, 3)],
    ["1991-12-31", Date.UTC(1991, 11, 31)],
  ])("puts %s at the first instant of its period", (date, ms) => {
    expect(dateStartMs(date)).toBe(ms);
    expect(dateStart(date).toISOString()).toBe(new Date(ms).toISOString());
  });
});

describe("formatDate", () => {
  it.each([
    ["2024", "2024"],
    ["2024-05", "May 2024"],
    ["2024-05-03", "3 May 2024"],
    ["1991-12-30", "30 Dec 1991"],
    ["2023-09", "Sep 2023"],
    [null, "undated"],
  ])("shows %s at its own precision as %s", (date, shown) => {
    expect(formatDate(date)).toBe(shown);
  });
});

describe("countOf", () => {
  it("puts the noun in the number of the count", () => {
    expect(countOf(1, "event", "events")).toBe("1 event");
    expect(countOf(0, "event", "events")).toBe("0 events");
    expect(countOf(1200, "report", "reports")).toBe("1,200 reports");
  });
});

describe("formatCount", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [1234567, "1,234,567"],
    [-12345, "-12,345"],
    [12345.5, "12,345.5"],
  ])("writes %d as %s", (n, shown) => {
    expect(formatCount(n)).toBe(shown);
  });
});
