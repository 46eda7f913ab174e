import { describe, expect, it } from "vitest";
import type { Interval } from "./calendar.ts";
import {
  datesCompatible,
  dayNumber,
  dayRange,
  daySpan,
  formatSeriesPeriod,
  isInterval,
  isSeriesPeriod,
  periodDays,
  periodOf,
  seriesPeriodBounds,
  seriesPeriodDates,
} from "./calendar.ts";
import { isoDateOrThrow } from "./ids.ts";
import { periodOrThrow } from "./records.ts";

const d = isoDateOrThrow;

describe("periodOf", () => {
  it.each<[string, Interval, string | null]>([
    ["2023-04-06", "month", "2023-04"],
    ["2023-04-06", "quarter", "2023-Q2"],
    ["2023-12", "quarter", "2023-Q4"],
    ["2023-01", "quarter", "2023-Q1"],
    ["2023-01-31", "quarter", "2023-Q1"],
    ["2023-04-06", "year", "2023"],
    ["2023", "year", "2023"],
    ["2023", "quarter", null],
    ["2023", "month", null],
  ])("%s at %s is %s", (date, interval, expected) => {
    expect(periodOf(d(date), interval)).toBe(expected);
  });

  it("knows its intervals", () => {
    expect(isInterval("quarter")).toBe(true);
    expect(isInterval("week")).toBe(false);
    expect(isInterval(null)).toBe(false);
  });
});

describe("datesCompatible", () => {
  it.each([
    ["2023-04", "2023-04-06", true],
    ["2023", "2023-04-06", true],
    ["2023-04-06", "2023-04-08", true],
    ["2023-03-31", "2023-04-02", true],
    ["2023-04-06", "2023-04-20", false],
    ["2023-05", "2023-04-06", false],
    ["2022", "2023-04", false],
  ])("%s ~ %s: %s", (a, b, expected) => {
    expect(datesCompatible(d(a), d(b), 3)).toBe(expected);
    expect(datesCompatible(d(b), d(a), 3)).toBe(expected);
  });
});

describe("days a date or a period covers", () => {
  it.each([
    ["2023", "2023-01-01", "2023-12-31"],
    ["2023-04", "2023-04-01", "2023-04-30"],
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2023-02", "2023-02-01", "2023-02-28"],
    ["2023-12", "2023-12-01", "2023-12-31"],
    ["2023-04-05", "2023-04-05", "2023-04-05"],
  ])("%s covers %s..%s", (date, first, last) => {
    expect(dayRange(d(date))).toEqual({ first, last });
    expect(daySpan(d(date))).toEqual([dayNumber(first), dayNumber(last)]);
  });

  it("reads a figure's period: a year, a month and a from/to span", () => {
    expect(periodDays(periodOrThrow("2024"))).toEqual([dayNumber("2024-01-01"), dayNumber("2024-12-31")]);
    expect(periodDays(periodOrThrow("2024-02"))).toEqual([dayNumber("2024-02-01"), dayNumber("2024-02-29")]);
    expect(periodDays(periodOrThrow("2024-01/2024-12"))).toEqual(periodDays(periodOrThrow("2024")));
  });
});

describe("series periods", () => {
  it.each([
    ["2023-04", "2023-04-01", "2023-05-01", "2023-04", "2023-04"],
    ["2023-12", "2023-12-01", "2024-01-01", "2023-12", "2023-12"],
    ["2023-Q2", "2023-04-01", "2023-07-01", "2023-04", "2023-06"],
    ["2023-Q4", "2023-10-01", "2024-01-01", "2023-10", "2023-12"],
    ["2023", "2023-01-01", "2024-01-01", "2023", "2023"],
  ])("%s runs from %s until %s and is asked for as %s..%s", (period, start, end, from, to) => {
    const [a, b] = seriesPeriodDates(period);
    expect([a.toISOString().slice(0, 10), b.toISOString().slice(0, 10)]).toEqual([start, end]);
    expect(seriesPeriodBounds(period)).toEqual({ from, to });
  });

  it("refuses what is not a period", () => {
    expect(isSeriesPeriod("2023-Q5")).toBe(false);
    expect(isSeriesPeriod("all")).toBe(false);
    expect(isSeriesPeriod(null)).toBe(false);
    expect(() => seriesPeriodDates("all")).toThrow(/not a series period/);
  });

  it.each([
    ["2023-04", "Apr 2023"],
    ["2023-Q2", "Q2 2023"],
    ["2023", "2023"],
    ["all", "all"],
  ])("reads %s as %s", (period, text) => {
    expect(formatSeriesPeriod(period)).toBe(text);
  });
});
