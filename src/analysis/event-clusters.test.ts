import { describe, expect, it } from "vitest";
import { clusterEvents, rootFamily } from "./event-clusters.ts";
import { createSourceIndex } from "./sources.ts";
import { doc, docId, event } from "./testing/records.ts";

const documents = [
  doc("a1", "Outlet A", "2023-04-07"),
  doc("b1", "Outlet B", "2023-04-20"),
  doc("c1", "Outlet C", "2023-11"),
  doc("c2", "Wire copy", "2023-04-08"),
  doc("d1", null, "2024"),
];
const sources = createSourceIndex(documents, [[docId("a1"), docId("c2")]]);
const expel = { source: "IRN", target: "AZE", goldstein: -4 } as const;

describe("clusterEvents", () => {
  it("merges one expulsion reported by three outlets, and counts a wire copy once", () => {
    const clusters = clusterEvents(
      [
        event({
          doc: "a1",
          ...expel,
          cameo: "1661",
          date: "2023-04-06",
          quote: "Iran expelled four Azerbaijani diplomats.",
        }),
        event({ doc: "c2", ...expel, cameo: "1661", date: "2023-04-06" }),
        event({ doc: "b1", ...expel, cameo: "174", goldstein: -5, date: "2023-04" }),
        event({ doc: "c1", ...expel, cameo: "16", date: "2023" }),
      ],
      sources,
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({
      date: "2023-04-06",
      source: "IRN",
      target: "AZE",
      sourceCountry: "IRN",
      targetCountry: "AZE",
      cameo: "1661",
      root: "16",
      goldstein: -4,
      sources: 3,
    });
    expect(clusters[0]?.reports.map((r) => r.doc)).toEqual([
      docId("a1"),
      docId("c2"),
      docId("b1"),
      docId("c1"),
    ]);
    expect(clusters[0]?.reports[0]).toMatchObject({
      quote: "Iran expelled four Azerbaijani diplomats.",
      outlet: "Outlet A",
      published: "2023-04-07",
    });
  });

  it("does not let a year-dated report chain two events of that year", () => {
    const clusters = clusterEvents(
      [
        event({ doc: "a1", ...expel, cameo: "161", date: "2023-04-06" }),
        event({ doc: "b1", ...expel, cameo: "161", date: "2023-10-02" }),
        event({ doc: "d1", ...expel, cameo: "161", date: "2023" }),
      ],
      sources,
    );
    expect(clusters.map((c) => c.reports.length).sort()).toEqual([1, 2]);
  });

  it.each([
    ["the other direction", { source: "AZE", target: "IRN" }],
    ["another root family", { cameo: "112", goldstein: -2 }],
    ["a date two weeks later", { date: "2023-04-20" }],
    ["another month", { date: "2023-05" }],
    ["a modality other than asserted", { modality: "planned" as const }],
  ])("keeps apart a report with %s", (_, change) => {
    const clusters = clusterEvents(
      [
        event({ doc: "a1", ...expel, cameo: "161", date: "2023-04-06" }),
        event({ doc: "b1", ...expel, cameo: "161", date: "2023-04-06", ...change }),
      ],
      sources,
    );
    expect(clusters.reduce((n, c) => n + c.reports.length, 0)).toBeLessThanOrEqual(2);
    expect(clusters.some((c) => c.reports.length === 2)).toBe(false);
  });

  it("merges undated reports only within one article", () => {
    const undated = { ...expel, cameo: "112", goldstein: -2, date: null };
    const clusters = clusterEvents(
      [event({ doc: "a1", ...undated }), event({ doc: "a1", ...undated }), event({ doc: "b1", ...undated })],
      sources,
    );
    expect(clusters.map((c) => c.reports.length).sort()).toEqual([1, 2]);
  });

  it("keys actors without a state by their id, and targetless events by their source", () => {
    const clusters = clusterEvents(
      [
        event({
          doc: "a1",
          source: "person:ilham-aliyev",
          target: null,
          cameo: "010",
          goldstein: 0,
          date: "2023-04",
        }),
        event({
          doc: "b1",
          source: "person:ilham-aliyev",
          target: null,
          cameo: "010",
          goldstein: 0,
          date: "2023-04",
        }),
      ],
      sources,
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({
      source: "person:ilham-aliyev",
      target: null,
      sourceCountry: null,
      sources: 2,
    });
  });

  it("includes other modalities when asked", () => {
    const clusters = clusterEvents(
      [event({ doc: "a1", ...expel, cameo: "161", modality: "planned" })],
      sources,
      {
        modalities: ["asserted", "planned"],
      },
    );
    expect(clusters).toHaveLength(1);
  });
});

describe("rootFamily", () => {
  it.each([
    ["16", "16"],
    ["17", "16"],
    ["11", "11"],
    ["12", "11"],
    ["19", "18"],
    ["04", "04"],
    ["05", "05"],
  ])("%s is in family %s", (root, family) => {
    expect(rootFamily(root)).toBe(family);
  });

  it("merges the dated report of hundreds of reprints into one event, and keeps their undated ones apart", () => {
    const reprints = Array.from({ length: 400 }, (_, i) => `f${i.toString(16).padStart(4, "0")}`);
    const sources = createSourceIndex(reprints.map((label, i) => doc(label, `Outlet ${i}`, "2023-04-08")));
    const clusters = clusterEvents(
      reprints.flatMap((label) => [
        event({ doc: label, ...expel, cameo: "1661", date: "2023-04-06" }),
        event({ doc: label, ...expel, cameo: "1661", date: label === "f0000" ? "2023-04" : "2023-04-07" }),
        event({ doc: label, ...expel, cameo: "1661", date: null }),
      ]),
      sources,
    );
    const dated = clusters.filter((c) => c.date !== null);
    expect(dated.map((c) => [c.date, c.reports.length, c.sources])).toEqual([["2023-04-06", 800, 400]]);
    expect(clusters.filter((c) => c.date === null).map((c) => c.reports.length)).toEqual(
      reprints.map(() => 1),
    );
  });
});
