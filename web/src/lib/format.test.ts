import { describe, expect, it } from "vitest";
import { dateStart, dateStartMs, formatDate } from "./format.ts";

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
    [null, "undated"],
  ])("shows %s at its own precision as %s", (date, shown) => {
    expect(formatDate(date)).toBe(shown);
  });
});
