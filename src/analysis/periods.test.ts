import { describe, expect, it } from "vitest";
import { isoDateOrThrow } from "../core/ids.ts";
import type { Period } from "../core/records.ts";
import type { Interval } from "./periods.ts";
import { datesCompatible, dayNumber, periodOf, periodSpan } from "./periods.ts";

const d = isoDateOrThrow;

describe("periodOf", () => {
  it.each<[string, Interval, string | null]>([
    ["2023-04-06", "month", "2023-04"],
    ["2023-04-06", "quarter", "2023-Q2"],
    ["2023-12", "quarter", "2023-Q4"],
    ["2023-01", "quarter", "2023-Q1"],
    ["2023-04-06", "year", "2023"],
    ["2023", "year", "2023"],
    ["2023", "quarter", null],
    ["2023", "month", null],
  ])("%s at %s is %s", (date, interval, expected) => {
    expect(periodOf(d(date), interval)).toBe(expected);
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

describe("periodSpan", () => {
  it("covers a year, a month and a from/to span", () => {
    expect(periodSpan("2024" as Period)).toEqual([dayNumber("2024-01-01"), dayNumber("2024-12-31")]);
    expect(periodSpan("2024-02" as Period)).toEqual([dayNumber("2024-02-01"), dayNumber("2024-02-29")]);
    expect(periodSpan("2024-01/2024-12" as Period)).toEqual(periodSpan("2024" as Period));
  });
});
