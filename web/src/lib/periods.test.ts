import { describe, expect, it } from "vitest";
import { formatPeriod, isPeriod, periodBounds, periodOf, periodSpan } from "./periods.ts";
import type { Interval } from "./periods.ts";

describe("periodOf", () => {
  it.each<[string, Interval, string | null]>([
    ["2023-04-06", "month", "2023-04"],
    ["2023-04-06", "quarter", "2023-Q2"],
    ["2023-12", "quarter", "2023-Q4"],
    ["2023-01-31", "quarter", "2023-Q1"],
    ["2023-04-06", "year", "2023"],
    ["2023", "year", "2023"],
    ["2023", "month", null],
    ["2023", "quarter", null],
  ])("puts %s in its %s: %s", (date, interval, period) => {
    expect(periodOf(date, interval)).toBe(period);
  });
});

describe("periodSpan and periodBounds", () => {
  it.each([
    ["2023-04", "2023-04-01", "2023-05-01", "2023-04", "2023-04"],
    ["2023-12", "2023-12-01", "2024-01-01", "2023-12", "2023-12"],
    ["2023-Q2", "2023-04-01", "2023-07-01", "2023-04", "2023-06"],
    ["2023-Q4", "2023-10-01", "2024-01-01", "2023-10", "2023-12"],
    ["2023", "2023-01-01", "2024-01-01", "2023", "2023"],
  ])("%s runs from %s until %s and is asked for as %s..%s", (period, start, end, from, to) => {
    const [a, b] = periodSpan(period);
    expect([a.toISOString().slice(0, 10), b.toISOString().slice(0, 10)]).toEqual([start, end]);
    expect(periodBounds(period)).toEqual({ from, to });
  });

  it("refuses what is not a period", () => {
    expect(isPeriod("2023-Q5")).toBe(false);
    expect(isPeriod("all")).toBe(false);
    expect(isPeriod(null)).toBe(false);
    expect(() => periodSpan("all")).toThrow(/not a period/);
  });

  it.each([
    ["2023-04", "Apr 2023"],
    ["2023-Q2", "Q2 2023"],
    ["2023", "2023"],
    ["all", "all"],
  ])("reads %s as %s", (period, text) => {
    expect(formatPeriod(period)).toBe(text);
  });
});
