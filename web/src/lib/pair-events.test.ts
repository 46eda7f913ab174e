import { describe, expect, it } from "vitest";
import { isoDateOrThrow } from "../../../src/core/ids.ts";
import { inPairPeriod } from "./pair-events.ts";
import type { PairEventsQuery } from "./pair-events.ts";

const event = (
  sourceCountry: string | null,
  targetCountry: string | null,
  date: string | null,
  location: string | null = null,
) => ({
  sourceCountry,
  targetCountry,
  location,
  root: "18",
  date: date === null ? null : isoDateOrThrow(date),
});

const april: PairEventsQuery = { a: "AZE", b: "IRN", directed: false, interval: "month", period: "2023-04" };

describe("inPairPeriod", () => {
  it.each([
    ["one way", event("AZE", "IRN", "2023-04-06"), april, true],
    ["the other way", event("IRN", "AZE", "2023-04"), april, true],
    ["the other way when directed", event("IRN", "AZE", "2023-04-06"), { ...april, directed: true }, false],
    ["another month", event("AZE", "IRN", "2023-05-01"), april, false],
    ["a date known to its year only", event("AZE", "IRN", "2023"), april, false],
    [
      "that date in its year",
      event("AZE", "IRN", "2023"),
      { ...april, interval: "year", period: "2023" },
      true,
    ],
    [
      "its quarter",
      event("AZE", "IRN", "2023-05-30"),
      { ...april, interval: "quarter", period: "2023-Q2" },
      true,
    ],
    ["an undated event in every period", event("AZE", "IRN", null), { ...april, period: null }, true],
    ["an undated event in a period", event("AZE", "IRN", null), april, false],
    ["a third state", event("AZE", "ISR", "2023-04-06"), april, false],
    ["no target", event("AZE", null, "2023-04-06"), april, false],
    ["an unknown attacker's act in the other state", event("UNK", "AZE", "2023-04-27", "IRN"), april, true],
    [
      "an unknown attacker's act when directed",
      event("UNK", "AZE", "2023-04-27", "IRN"),
      { ...april, directed: true },
      false,
    ],
    ["an unknown attacker's act in no named place", event("UNK", "AZE", "2023-04-27"), april, false],
  ] as const)("takes %s: %s", (_what, cluster, query, expected) => {
    expect(inPairPeriod(cluster, query)).toBe(expected);
  });
});
