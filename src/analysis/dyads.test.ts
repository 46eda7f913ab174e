import { describe, expect, it } from "vitest";
import { dyadSeries } from "./dyads.ts";
import { clusterEvents } from "./event-clusters.ts";
import { filterEventClusters } from "./filters.ts";
import { createSourceIndex } from "./sources.ts";
import { doc, event } from "./testing/records.ts";

const sources = createSourceIndex([doc("a1", "A"), doc("b1", "B"), doc("c1", "C")]);
const clusters = clusterEvents(
  [
    // One expulsion in two reports: counts once.
    event({ doc: "a1", source: "IRN", target: "AZE", cameo: "161", goldstein: -4, date: "2023-04-06" }),
    event({ doc: "b1", source: "IRN", target: "AZE", cameo: "161", goldstein: -4, date: "2023-04-06" }),
    event({ doc: "a1", source: "AZE", target: "IRN", cameo: "112", goldstein: -2, date: "2023-04-10" }),
    event({ doc: "a1", source: "AZE", target: "IRN", cameo: "042", goldstein: 1.9, date: "2024-05" }),
    event({ doc: "c1", source: "AZE", target: "ISR", cameo: "061", goldstein: 6.4, date: "2023-07-01" }),
    // Only the year is known: in the year series, not in months or quarters.
    event({ doc: "c1", source: "ISR", target: "AZE", cameo: "057", goldstein: 8, date: "2023" }),
    // Not dyadic: no target, one state on both sides, no date.
    event({ doc: "c1", source: "AZE", target: null, cameo: "010", goldstein: 0, date: "2023-01" }),
    event({ doc: "c1", source: "AZE", target: "AZE", cameo: "173", goldstein: -5, date: "2023-01" }),
    event({ doc: "c1", source: "AZE", target: "ISR", cameo: "036", goldstein: 4, date: null }),
  ],
  sources,
);

const zero = {
  verbalCooperation: 0,
  materialCooperation: 0,
  verbalConflict: 0,
  materialConflict: 0,
  notes: [],
};

describe("dyadSeries", () => {
  it("counts each event once per month, pairs sorted", () => {
    expect(dyadSeries(clusters, { interval: "month" })).toEqual([
      {
        a: "AZE",
        b: "IRN",
        period: "2023-04",
        events: 2,
        goldstein: -6,
        goldsteinMean: -3,
        ...zero,
        verbalConflict: 1,
        materialConflict: 1,
      },
      {
        a: "AZE",
        b: "IRN",
        period: "2024-05",
        events: 1,
        goldstein: 1.9,
        goldsteinMean: 1.9,
        ...zero,
        verbalCooperation: 1,
      },
      {
        a: "AZE",
        b: "ISR",
        period: "2023-07",
        events: 1,
        goldstein: 6.4,
        goldsteinMean: 6.4,
        ...zero,
        materialCooperation: 1,
      },
    ]);
  });

  it("names quarters and years, and counts year-dated events in years only", () => {
    expect(
      dyadSeries(clusters, { interval: "quarter" }).map((r) => `${r.a}-${r.b} ${r.period} ${r.events}`),
    ).toEqual(["AZE-IRN 2023-Q2 2", "AZE-IRN 2024-Q2 1", "AZE-ISR 2023-Q3 1"]);
    expect(dyadSeries(clusters, { interval: "year" }).find((r) => r.b === "ISR")).toMatchObject({
      period: "2023",
      events: 2,
      goldstein: 14.4,
      goldsteinMean: 7.2,
      verbalCooperation: 1,
      materialCooperation: 1,
    });
  });

  it("keeps directions apart when directed", () => {
    const rows = dyadSeries(clusters, { interval: "month", directed: true });
    expect(rows.filter((r) => r.period === "2023-04").map((r) => `${r.a}>${r.b} ${r.goldstein}`)).toEqual([
      "AZE>IRN -2",
      "IRN>AZE -4",
    ]);
  });

  describe("an event with one side unidentified", () => {
    const withUnknown = clusterEvents(
      [
        // An attack on AZE's embassy by a gunman nobody named, in Tehran, told by two outlets.
        event({
          doc: "a1",
          source: "UNK",
          target: "AZE",
          cameo: "180",
          goldstein: -9,
          date: "2023-01-27",
          location: "IRN",
        }),
        event({
          doc: "b1",
          source: "UNK",
          target: "AZE",
          cameo: "180",
          goldstein: -9,
          date: "2023-01",
          location: "IRN",
        }),
        event({ doc: "a1", source: "AZE", target: "IRN", cameo: "161", goldstein: -4, date: "2023-01-29" }),
        // In the known side's own state, or nowhere named: on no pair.
        event({
          doc: "c1",
          source: "UNK",
          target: "ISR",
          cameo: "180",
          goldstein: -9,
          date: "2023-01-10",
          location: "ISR",
        }),
        event({ doc: "c1", source: "UNK", target: "TUR", cameo: "180", goldstein: -9, date: "2023-01-11" }),
      ],
      sources,
    );

    it("is on the pair of the known side and the state where it happened, noted", () => {
      expect(dyadSeries(withUnknown, { interval: "month" })).toEqual([
        {
          a: "AZE",
          b: "IRN",
          period: "2023-01",
          events: 2,
          goldstein: -13,
          goldsteinMean: -6.5,
          ...zero,
          materialConflict: 2,
          notes: ["attacker unknown, in IRN"],
        },
      ]);
    });

    it("is among the events of the state where it happened", () => {
      expect(
        filterEventClusters(withUnknown, { actor: "IRN" }).map(
          (c) => `${c.sourceCountry}>${c.targetCountry}`,
        ),
      ).toEqual(["UNK>AZE", "AZE>IRN"]);
    });

    it("is left out of a directed series, which says who acts on whom", () => {
      expect(
        dyadSeries(withUnknown, { interval: "month", directed: true }).map(
          (r) => `${r.a}>${r.b} ${r.events}`,
        ),
      ).toEqual(["AZE>IRN 1"]);
    });
  });
});
