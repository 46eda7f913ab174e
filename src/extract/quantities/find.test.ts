import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Qualifier, Unit } from "../../core/records.ts";
import { findQuantities } from "./find.ts";
import { sentenceOf, sentencesOf, testUnits } from "./testing.ts";

type Expected = readonly [
  text: string,
  value: number,
  valueMax: number | null,
  unit: Unit,
  qualifier: Qualifier,
];

const figures: readonly (readonly [sentence: string, expected: readonly Expected[]])[] = [
  // money
  ["Mutual investments have reached $600 million.", [["$600 million", 600e6, null, "USD", "exact"]]],
  ["Exports were worth US$600 mln last year.", [["US$600 mln", 600e6, null, "USD", "exact"]]],
  ["The bank lent €2.5bn to the project.", [["€2.5bn", 2.5e9, null, "EUR", "exact"]]],
  ["The deal is worth 5 billion dollars.", [["5 billion dollars", 5e9, null, "USD", "exact"]]],
  ["The fund holds AZN 10 million.", [["AZN 10 million", 10e6, null, "AZN", "exact"]]],
  ["Israel would pay the families about $20 million.", [["about $20 million", 20e6, null, "USD", "approx"]]],
  ["They signed a $5-billion deal.", [["$5-billion", 5e9, null, "USD", "exact"]]],
  [
    "Costs ranged between $5 billion and $7 billion.",
    [["$5 billion and $7 billion", 5e9, 7e9, "USD", "exact"]],
  ],
  [
    "Trade grew from $5 billion to $7 billion.",
    [
      ["$5 billion", 5e9, null, "USD", "exact"],
      ["$7 billion", 7e9, null, "USD", "exact"],
    ],
  ],
  ["The budget is 300 million manat.", [["300 million manat", 300e6, null, "AZN", "exact"]]],
  // percentages and ranges
  ["Azerbaijan supplies 40% of Israel's oil.", [["40%", 40, null, "percent", "exact"]]],
  ["The share was 40–65% in the region.", [["40–65%", 40, 65, "percent", "exact"]]],
  ["The share was 40-65 percent in the region.", [["40-65 percent", 40, 65, "percent", "exact"]]],
  ["The share was between 40 and 65 percent.", [["40 and 65 percent", 40, 65, "percent", "exact"]]],
  [
    "It supplies Israel with about 40 percent of its oil needs.",
    [["about 40 percent", 40, null, "percent", "approx"]],
  ],
  [
    "Israel supplies almost 70 percent of Azerbaijan's weapons.",
    [["almost 70 percent", 70, null, "percent", "approx"]],
  ],
  ["Inflation fell to 2.5 per cent.", [["2.5 per cent", 2.5, null, "percent", "exact"]]],
  ["Turnout was up to 60 percent.", [["up to 60 percent", 60, null, "percent", "atMost"]]],
  // counts
  ["Baku expelled four Iranian diplomats.", [["four Iranian diplomats", 4, null, "count", "exact"]]],
  ["The mission has 53 embassy staff.", [["53 embassy staff", 53, null, "count", "exact"]]],
  [
    "The delegation included more than 40 representatives.",
    [["more than 40 representatives", 40, null, "count", "atLeast"]],
  ],
  [
    "Today, 130 commercial entities with Israeli capital operate in Azerbaijan.",
    [["130 commercial entities", 130, null, "count", "exact"]],
  ],
  ["Some 1,500 people fled.", [["Some 1,500 people", 1500, null, "count", "approx"]]],
  ["Two dozen soldiers were wounded.", [["Two dozen soldiers", 24, null, "count", "approx"]]],
  ["Police detained 40 or more protesters.", [["40 or more protesters", 40, null, "count", "atLeast"]]],
  ["Gunmen killed 20 Palestinians.", [["20 Palestinians", 20, null, "count", "exact"]]],
  ["About 15–25 million people live there.", [["About 15–25 million people", 15e6, 25e6, "count", "approx"]]],
  ["Kyiv banned imports of 31 categories of goods.", [["31 categories", 31, null, "count", "exact"]]],
  ["The ministry listed 12 types of weapons.", [["12 types", 12, null, "count", "exact"]]],
  // distances, areas, volumes, weights, power
  ["Iran shares a 765-kilometer border with Azerbaijan.", [["765-kilometer", 765, null, "km", "exact"]]],
  ["The pipeline runs 1,768 km to Ceyhan.", [["1,768 km", 1768, null, "km", "exact"]]],
  ["Azerbaijan exported 12.9 bcm of gas.", [["12.9 bcm", 12.9e9, null, "m3", "exact"]]],
  ["It ships 10 billion cubic meters a year.", [["10 billion cubic meters", 10e9, null, "m3", "exact"]]],
  ["The port handled 4.1 million tonnes of cargo.", [["4.1 million tonnes", 4.1e6, null, "t", "exact"]]],
  ["The field pumps 3.5m barrels.", [["3.5m barrels", 3.5e6, null, "bbl", "exact"]]],
  ["The plant adds 240 MW.", [["240 MW", 240, null, "MW", "exact"]]],
  // durations
  ["Baku won the 44-day war.", [["44-day", 44, null, "day", "exact"]]],
  ["Gantz arrived two weeks after the clashes.", [["two weeks", 14, null, "day", "exact"]]],
  ["Relations have been compromised for a decade.", [["a decade", 10, null, "year", "approx"]]],
  ["The decision came after almost 30 years.", [["almost 30 years", 30, null, "year", "approx"]]],
  ["After over ten years of tensions, ties thawed.", [["over ten years", 10, null, "year", "atLeast"]]],
  ["He staged a 24-hour hunger strike.", [["24-hour", 1440, null, "minute", "exact"]]],
];

const nonFigures: readonly string[] = [
  "Azerbaijan was Israel's 2nd biggest destination for arms exports.",
  "The Second Karabakh War ended in 2020.",
  "Azerbaijan receives billions of dollars worth of weapons.",
  "Dozens of firms have opened offices.",
  "They cover more than half of Israel's oil demand.",
  "The number of tourists doubled compared to 2024.",
  "Many Azerbaijanis sympathize with the Palestinians.",
  "The two countries signed an accord on January 26, 2025.",
  "Both sides think in terms of long-term development.",
  "The two governments restored relations.",
  "It was a relationship between two countries that differ.",
  "The council adopted Resolution 2231 in July.",
  "Azerbaijan bought F-35 jets and Su-30 fighters.",
  "See page 4 and section 3 of the report.",
  "The meeting began at 10:30 on Monday.",
  "Call +994 12 555 1234 for details.",
  "Baku has grown since the 1990s and the 19th century.",
  "The visit took place two years ago.",
  "A 30-year-old man was arrested.",
  "Output fell in the first four months of 2024.",
  "Over the past two decades relations grew.",
  "In 2025 soldiers were deployed.",
  "Boeing 737 planes landed.",
  "One of the oldest communities lives there.",
  "They back a two-state solution.",
  "Millions of ethnic Azerbaijanis live in Iran.",
  "On March 17 Egypt closed the crossing and on March 18 Jordan deployed troops.",
];

describe("findQuantities", () => {
  const units = testUnits();

  it.each(figures)("%s", (text, expected) => {
    const found = findQuantities(sentenceOf(text), units);
    expect(found.map((q) => [q.text, q.value, q.valueMax, q.unit, q.qualifier])).toEqual(expected);
  });

  it.each(nonFigures)("finds no figure in: %s", (text) => {
    expect(findQuantities(sentenceOf(text), units)).toEqual([]);
  });

  it("gives spans that index the document text", () => {
    const text = "First line.\nTrade reached $360 million last year, up 12 percent.";
    const quantities = sentencesOf(text).flatMap((s) => findQuantities(s, units));
    expect(quantities.map((q) => text.slice(q.start, q.end))).toEqual(["$360 million", "12 percent"]);
    for (const q of quantities) expect(q.text).toBe(text.slice(q.start, q.end));
  });

  it("never throws and keeps spans inside their sentence on any text", () => {
    const words = fc.constantFrom(
      "$",
      "5",
      "40",
      "-",
      "–",
      "65",
      "%",
      "percent",
      "million",
      "bn",
      "two",
      "dozen",
      "a",
      "decade",
      "over",
      "more",
      "than",
      "between",
      "and",
      "to",
      "from",
      "km",
      "people",
      "the",
      "2024",
      "1,500",
      "3.5",
      "US$",
      "AZN",
      "or",
      "more",
      "weeks",
      "ago",
      "-year-old",
      "Israelis",
      "F-35",
      ".",
      ",",
      "bcm",
      "twenty-five",
    );
    const text = fc.oneof(
      fc.array(words, { maxLength: 20 }).map((w) => w.join(" ")),
      fc.string({ maxLength: 80 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        for (const sentence of sentencesOf(t)) {
          for (const q of findQuantities(sentence, units)) {
            expect(q.start).toBeGreaterThanOrEqual(sentence.start);
            expect(q.end).toBeLessThanOrEqual(sentence.end);
            expect(q.text).toBe(t.slice(q.start, q.end));
            expect(Number.isFinite(q.value)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
