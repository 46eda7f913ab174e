import { describe, expect, it } from "vitest";
import type { ClaimRecord } from "../core/records.ts";
import { clusterClaims } from "./claim-clusters.ts";
import { allAgree } from "./figures.ts";
import { createSourceIndex } from "./sources.ts";
import type { ClaimSpec } from "./testing/records.ts";
import { claim, doc, docId } from "./testing/records.ts";

const documents = [
  doc("a1", "Outlet A", "2023-11-02"),
  doc("b1", "Outlet B", "2024-01"),
  doc("c1", "Outlet C", "2025"),
  doc("c2", "Outlet C", "2025-03"),
  doc("d1", null, "2026-01"),
  doc("e1", "Reprinter", "2024-02"),
];
const sources = createSourceIndex(documents, [[docId("b1"), docId("e1")]]);
const AZ_IL = ["AZE", "ISR"];

describe("clusterClaims", () => {
  it("groups one quantity quoted five ways across outlets into one agreeing cluster", () => {
    // Within 18 months of each other, so that figures without a period can all be about one time.
    const sources = createSourceIndex([
      doc("a1", "Outlet A", "2023-11-02"),
      doc("b1", "Outlet B", "2024-01"),
      doc("c1", "Outlet C", "2024-03-10"),
      doc("c2", "Outlet C", "2024-03"),
      doc("d1", null, "2024-05"),
    ]);
    const claims = [
      claim({ doc: "a1", value: 40, qualifier: "approx", subjects: AZ_IL, metric: "Israel's oil needs" }),
      claim({
        doc: "b1",
        value: 40,
        subjects: AZ_IL,
        metric: "share of Israel's crude oil supplied by Azerbaijan",
      }),
      claim({ doc: "c1", value: 40, qualifier: "approx", subjects: AZ_IL, metric: "oil Israel imports" }),
      claim({ doc: "c2", value: 40, valueMax: 65, subjects: AZ_IL, metric: "Israel's oil consumption" }),
      claim({ doc: "d1", value: 40, subjects: ["ISR"], metric: "Azerbaijani oil in Israel's supply" }),
      // Another quantity about the same states: stays apart.
      claim({ doc: "a1", value: 69, subjects: AZ_IL, metric: "Israel's share of Azerbaijan's arms imports" }),
    ];
    const clusters = clusterClaims(claims, sources);
    const oil = clusters.find((c) => c.claims.length === 5);
    expect(oil).toMatchObject({ status: "agree", unit: "percent", subjects: ["AZE", "ISR"], sources: 4 });
    expect(oil?.claims.map((c) => c.published)).toEqual([
      "2023-11-02",
      "2024-01",
      "2024-03",
      "2024-03-10",
      "2024-05",
    ]);
    expect(oil?.claims[0]).toMatchObject({
      outlet: "Outlet A",
      value: 40,
      qualifier: "approx",
      valueMax: null,
    });
    expect(clusters).toHaveLength(2);
    expect(clusters.find((c) => c.claims.length === 1)).toMatchObject({ status: "single", sources: 1 });
  });

  it("puts an exact figure and an approximate one close to it together as agreeing", () => {
    const clusters = clusterClaims(
      [
        claim({
          doc: "a1",
          value: 69,
          subjects: AZ_IL,
          metric: "Israel's share of Azerbaijan's arms imports",
        }),
        claim({
          doc: "c1",
          value: 70,
          qualifier: "approx",
          subjects: AZ_IL,
          metric: "Azerbaijani arms purchased from Israel",
        }),
      ],
      sources,
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ status: "agree", sources: 2 });
  });

  it("marks figures that cannot both be right as a conflict", () => {
    const clusters = clusterClaims(
      [
        claim({ doc: "a1", value: 40, subjects: AZ_IL, metric: "Israel's oil supplied by Azerbaijan" }),
        claim({ doc: "c1", value: 60, subjects: AZ_IL, metric: "Israel's oil imports" }),
      ],
      sources,
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.status).toBe("conflict");
  });

  it("counts syndicated copies as one source, so their agreement is single", () => {
    const clusters = clusterClaims(
      [
        claim({
          doc: "b1",
          value: 4,
          unit: "count",
          subjects: ["AZE", "IRN"],
          metric: "Azerbaijani diplomats expelled",
        }),
        claim({ doc: "e1", value: 4, unit: "count", subjects: ["AZE", "IRN"], metric: "diplomats expelled" }),
      ],
      sources,
    );
    expect(clusters).toEqual([expect.objectContaining({ status: "single", sources: 1 })]);
    expect(clusters[0]?.claims).toHaveLength(2);
  });

  it.each([
    [
      "different units",
      { unit: "percent" as const, metric: "oil imports" },
      { unit: "USD" as const, metric: "oil imports" },
    ],
    [
      "disjoint subjects",
      { subjects: ["AZE"], metric: "oil exports" },
      { subjects: ["IRN"], metric: "oil exports" },
    ],
    ["different things measured", { metric: "oil exports" }, { metric: "gas exports" }],
    ["one sentence", { metric: "oil exports", start: 10 }, { metric: "oil exports", start: 10 }],
  ])("keeps apart claims with %s", (_, a, b) => {
    const clusters = clusterClaims(
      [
        claim({ doc: "a1", value: 40, subjects: AZ_IL, ...a }),
        claim({ doc: "a1", value: 40, subjects: AZ_IL, ...b }),
      ],
      sources,
    );
    expect(clusters).toHaveLength(2);
  });

  it("joins a claim without subjects only on a closer metric match", () => {
    const near = clusterClaims(
      [
        claim({ doc: "a1", value: 40, subjects: AZ_IL, metric: "Israel's oil imports" }),
        claim({ doc: "c1", value: 40, subjects: [], metric: "oil imports" }),
      ],
      sources,
    );
    expect(near).toHaveLength(1);
    // Half the words in common: enough between claims about the same states, not with a claim about none.
    const half = (subjects: string[]) =>
      clusterClaims(
        [
          claim({ doc: "a1", value: 40, subjects: AZ_IL, metric: "heavy oil" }),
          claim({ doc: "c1", value: 40, subjects, metric: "oil refining" }),
        ],
        sources,
      );
    expect(half(AZ_IL)).toHaveLength(1);
    expect(half([])).toHaveLength(2);
  });

  it("accepts a period left unsaid and the same span written two ways", () => {
    const clusters = clusterClaims(
      [
        claim({ doc: "a1", value: 5, unit: "USD", subjects: AZ_IL, metric: "trade", period: "2024" }),
        claim({
          doc: "c1",
          value: 5,
          unit: "USD",
          subjects: AZ_IL,
          metric: "trade",
          period: "2024-01/2024-12",
        }),
        claim({ doc: "d1", value: 5, unit: "USD", subjects: AZ_IL, metric: "trade turnover" }),
      ],
      sources,
    );
    expect(clusters).toHaveLength(1);
  });

  it("states a difference between figures published years apart as one that time may explain", () => {
    const dated = createSourceIndex([
      doc("f1", "Outlet F", "2016-12-15"),
      doc("f2", "Outlet G", "2023-11-08"),
      doc("f3", "Outlet H", "2024-06-01"),
    ]);
    const clusters = clusterClaims(
      [
        claim({
          doc: "f1",
          value: 25,
          qualifier: "approx",
          subjects: AZ_IL,
          metric: "share of Israel's oil purchases",
        }),
        claim({
          doc: "f2",
          value: 40,
          qualifier: "approx",
          subjects: AZ_IL,
          metric: "share of Israel's oil consumption",
        }),
        claim({
          doc: "f3",
          value: 40,
          qualifier: "approx",
          subjects: AZ_IL,
          metric: "share of Israel's oil supply",
        }),
      ],
      dated,
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({
      status: "conflict",
      disagreement: {
        sides: [
          { claims: [0], outlets: ["Outlet F"] },
          { claims: [1, 2], outlets: ["Outlet G", "Outlet H"] },
        ],
        difference: 15,
        time: "publication",
        years: 7,
      },
    });
    expect(clusters[0]?.summary).toBe(
      "Figures disagree: about 25 % (Outlet F, 2016-12-15) against about 40 % (Outlet G, 2023-11-08; Outlet H, 2024-06-01), 15 percentage points apart. Published 7 years apart and not all stating a period: time may explain the difference.",
    );
  });

  it("takes a single day to be of the month that holds it, but not a year to be that month", () => {
    const expelled = { unit: "count" as const, subjects: ["AZE", "IRN"], metric: "Iranian diplomats" };
    const timeOf = (month: number, year: number) =>
      clusterClaims(
        [
          claim({ doc: "a1", value: 4, ...expelled, period: "2023-04-06" }),
          claim({ doc: "c1", value: month, ...expelled, period: "2023-04" }),
          claim({ doc: "d1", value: year, ...expelled, period: "2023" }),
        ],
        sources,
      ).map((c) => c.disagreement?.time ?? c.status);
    // 4 on April 6 and 5 in April disagree about one time; 6 in the year is another period.
    expect(timeOf(5, 5)).toEqual(["same"]);
    expect(timeOf(4, 6)).toEqual(["periods"]);
  });

  it("takes a figure without a period to be about a stated period only if that lies mostly in its window", () => {
    const dated = createSourceIndex([
      doc("g1", "Outlet G", "2023-06-01"),
      doc("h1", "Outlet H", "2023-02-01"),
    ]);
    const trade = { unit: "USD" as const, subjects: AZ_IL, metric: "trade turnover" };
    const timeOf = (period: string) =>
      clusterClaims(
        [claim({ doc: "g1", value: 1.7e9, ...trade }), claim({ doc: "h1", value: 1.5e9, ...trade, period })],
        dated,
      ).map((c) => c.disagreement?.time);
    // Of 2021 only December is within 18 months of June 2023; 2022 lies wholly within.
    expect(timeOf("2021")).toEqual(["publication"]);
    expect(timeOf("2022")).toEqual(["same"]);
    expect(timeOf("2023-05")).toEqual(["same"]);
    // A five-year window that ends in reach is mostly in it.
    expect(timeOf("2018/2022")).toEqual(["same"]);
  });

  it("lets a figure without a period cite a statistic of several years after it ends, for as long again", () => {
    const dated = createSourceIndex([
      doc("m1", "Arms Monitor", "2021-03-15"),
      doc("m2", "Outlet M", "2023-11-08"),
      doc("m3", "Outlet N", "2027-06-01"),
    ]);
    const arms = {
      unit: "percent" as const,
      subjects: ["KAZ", "TUR"],
      metric: "share of Kazakhstan's arms imports",
    };
    const statistic = claim({ doc: "m1", value: 51, ...arms, period: "2016/2020" });
    const cited = (citing: string) =>
      clusterClaims([statistic, claim({ doc: citing, value: 60, qualifier: "approx", ...arms })], dated).map(
        (c) => c.disagreement?.time,
      );
    // Almost three years after the five-year window: the figure cited, so the two contradict.
    expect(cited("m2")).toEqual(["same"]);
    // Six and a half years after: a newer window may be cited.
    expect(cited("m3")).toEqual(["publication"]);
  });

  it("keeps figures about two different pairs of states apart", () => {
    const arms = { unit: "percent" as const, metric: "share of Chile's arms imports" };
    const spain = claim({ doc: "a1", value: 60, subjects: ["CHL", "ESP"], ...arms });
    const values = (other: ClaimRecord) =>
      clusterClaims([spain, other], sources).map((c) => c.claims.map((x) => x.value));
    expect(values(claim({ doc: "c1", value: 17, subjects: ["CHL", "USA"], ...arms }))).toEqual([[60], [17]]);
    // A third state named beside the same pair: still the pair's figure.
    const beside = claim({
      doc: "c1",
      value: 61,
      qualifier: "approx",
      subjects: ["CHL", "ESP", "USA"],
      ...arms,
    });
    expect(values(beside)).toEqual([[60, 61]]);
  });

  it("returns nothing for no claims", () => {
    expect(clusterClaims([], sources)).toEqual([]);
  });
});

/**
 * One quantity or two: pairs of figures written for these tests, in the
 * shapes extraction gives, each with what the reader should be told.
 */
describe("clusterClaims, one quantity across labels, precision and time", () => {
  const dated = createSourceIndex([
    doc("p1", "Outlet P", "2016-12-15"),
    doc("q1", "Outlet Q", "2023-11-08"),
    doc("r1", "Outlet R", "2024-06-01"),
  ]);
  type Pair = readonly [string, Partial<ClaimSpec>, Partial<ClaimSpec>];
  const pair = (a: Partial<ClaimSpec>, b: Partial<ClaimSpec>) =>
    clusterClaims(
      [
        claim({ doc: "q1", value: 40, subjects: AZ_IL, metric: "share of Israel's oil imports", ...a }),
        claim({ doc: "r1", value: 40, subjects: AZ_IL, metric: "share of Israel's oil imports", ...b }),
      ],
      dated,
    );

  it.each<Pair>([
    [
      "imports and consumption",
      { metric: "share of Israel's oil imports" },
      { metric: "Israel's oil consumption" },
    ],
    [
      "supply and purchases",
      { metric: "share of Israel's oil supply" },
      { metric: "Israel's crude purchases" },
    ],
    [
      "needs and petroleum imports",
      { metric: "share of its oil needs" },
      { metric: "Israel's petroleum imports" },
    ],
    ["a figure and an approximate one", { value: 40 }, { value: 40, qualifier: "approx" }],
    ["a figure inside a range", { value: 40 }, { value: 40, valueMax: 65 }],
    ["an approximate figure near an exact one", { value: 38 }, { value: 40, qualifier: "approx" }],
    ["figures years apart", { doc: "p1", value: 25 }, { value: 40 }],
    [
      "two stated periods of one document",
      { period: "2015/2019", value: 60 },
      { period: "2016/2020", value: 69, doc: "q1" },
    ],
  ])("takes %s for one quantity", (_, a, b) => {
    expect(pair(a, b)).toHaveLength(1);
  });

  it.each<Pair>([
    [
      "oil and arms",
      { metric: "share of Israel's oil imports" },
      { metric: "share of Azerbaijan's arms imports" },
    ],
    [
      "Israel's and Russia's shares in one article",
      { metric: "Israel's share of arms imports", value: 69 },
      { metric: "Russia's share of arms imports", value: 17, doc: "q1" },
    ],
    ["two disagreeing figures of one article without periods", { value: 60 }, { value: 69, doc: "q1" }],
    ["figures about two pairs", { subjects: ["AZE", "IRN"] }, { subjects: ["AZE", "ISR"] }],
    ["different units", { unit: "USD" }, { unit: "percent" }],
  ])("takes %s for two quantities", (_, a, b) => {
    expect(pair(a, b)).toHaveLength(2);
  });

  it.each<readonly [string, Partial<ClaimSpec>, Partial<ClaimSpec>, string | null]>([
    ["agreeing figures", { value: 40 }, { value: 40, valueMax: 65 }, null],
    ["figures for one time", { value: 25, period: "2023" }, { value: 40, period: "2023" }, "same"],
    [
      "figures for two stated periods",
      { value: 25, period: "2016" },
      { value: 40, period: "2023" },
      "periods",
    ],
    ["figures years apart, without periods", { doc: "p1", value: 25 }, { value: 40 }, "publication"],
    ["figures months apart, without periods", { value: 25 }, { value: 40 }, "same"],
  ])("says whether time explains the difference between %s", (_, a, b, time) => {
    expect(pair(a, b).map((c) => c.disagreement?.time ?? null)).toEqual([time]);
  });

  it("says how agreeing figures relate: the value all of them allow", () => {
    const sources = createSourceIndex([doc("s1", "One"), doc("s2", "Two"), doc("s3", "Three")]);
    const oil = { subjects: AZ_IL, metric: "share of Israel's oil" };
    const [cluster] = clusterClaims(
      [
        claim({ doc: "s1", value: 40, ...oil }),
        claim({ doc: "s2", value: 40, qualifier: "approx", ...oil }),
        claim({ doc: "s3", value: 40, valueMax: 65, ...oil }),
      ],
      sources,
    );
    expect(cluster?.summary).toBe("3 sources agree: 40 %, about 40 % and 40–65 % all allow 40 %.");
  });
});

describe("allAgree", () => {
  it("needs one value all figures allow", () => {
    const f = (value: number, valueMax: number | null = null) => ({
      value,
      valueMax,
      qualifier: "exact" as const,
    });
    expect(allAgree([f(40), f(40, 65), f(50, 60)])).toBe(false);
    expect(allAgree([f(45, 55), f(40, 65), f(50, 60)])).toBe(true);
  });
});

/**
 * Clusters that single linkage got wrong: each case written for these
 * tests, in the shapes extraction gives (labels taken from the sentence,
 * the states of the sentence as subjects).
 */
describe("clusterClaims, complete linkage", () => {
  const dated = createSourceIndex([
    doc("k1", "Capital Herald", "2022-11-21"),
    doc("k2", "Gulf Ledger", "2023-12-31"),
    doc("k3", "Caspian Wire", "2024-03-02"),
    doc("k4", "Port Gazette", "2024-04-15"),
    doc("k5", "Steppe Review", "2023-06-01"),
  ]);

  it("does not let a figure without a period chain two periods", () => {
    // "Trade reached $540 million in 2021." (late 2022) / "Trade now exceeds $2.1 billion." (June
    // 2023, no period: its window reaches back to December 2021) / "$2.1 billion in May 2023" (twice).
    // Chained, the 2021 figure would contradict the others at one time; apart, the periods explain it.
    const trade = { unit: "USD" as const, subjects: ["GEO", "KAZ"] };
    const clusters = clusterClaims(
      [
        claim({
          doc: "k1",
          value: 540e6,
          ...trade,
          metric: "Georgia's trade with Kazakhstan",
          period: "2021",
        }),
        claim({
          doc: "k5",
          value: 2.1e9,
          ...trade,
          qualifier: "atLeast",
          metric: "trade between the two countries",
        }),
        claim({ doc: "k3", value: 2.1e9, ...trade, metric: "trade", period: "2023-05" }),
        claim({ doc: "k4", value: 2.1e9, ...trade, metric: "trade turnover", period: "2023-05" }),
      ],
      dated,
    );
    expect(clusters.map((c) => [c.status, c.disagreement?.time, c.claims.map((x) => x.value)])).toEqual([
      ["conflict", "periods", [540e6, 2.1e9, 2.1e9, 2.1e9]],
    ]);
  });

  it("puts a figure that fits two periods with the nearer one", () => {
    // "Exports were $3 billion in 2022 and $4 billion in 2023", an article of the last day of 2023
    // saying "exports of $4 billion" without a year: both years lie mostly within its reach.
    const exports = { unit: "USD" as const, subjects: ["KAZ", "UZB"], metric: "exports to Uzbekistan" };
    const clusters = clusterClaims(
      [
        claim({ doc: "k3", value: 3e9, ...exports, period: "2022" }),
        claim({ doc: "k2", value: 4e9, ...exports }),
        claim({ doc: "k4", value: 4e9, ...exports, period: "2023" }),
      ],
      dated,
    );
    // With 2022, it would contradict $3 billion at one time.
    expect(clusters.map((c) => [c.disagreement?.time, c.claims.map((x) => x.period)])).toEqual([
      ["periods", [null, "2022", "2023"]],
    ]);
  });

  it("keeps apart shares whose labels name different parties, though their subjects overlap", () => {
    // "Turkey supplied 62 % of Georgia's arms imports in 2015–2019." / "Russia's share of
    // Georgia's arms imports was 27 %." / "Russia delivered 91 % of Armenia's arms imports."
    const period = "2015/2019";
    const clusters = clusterClaims(
      [
        claim({
          doc: "k3",
          value: 62,
          subjects: ["GEO", "TUR"],
          metric: "Turkey's share of Georgia's arms imports",
          period,
        }),
        claim({
          doc: "k4",
          value: 62,
          subjects: ["GEO", "TUR"],
          metric: "Georgian arms bought from Turkey",
          period,
        }),
        claim({
          doc: "k2",
          value: 27,
          subjects: ["GEO", "RUS"],
          metric: "Russia's share of Georgia's arms imports",
          period,
        }),
        claim({
          doc: "k1",
          value: 91,
          subjects: ["ARM", "RUS"],
          metric: "share of Armenia's arms imports",
          period,
        }),
      ],
      dated,
    );
    expect(clusters.map((c) => [c.status, c.claims.map((x) => x.value)])).toEqual([
      ["agree", [62, 62]],
      ["single", [91]],
      ["single", [27]],
    ]);
  });

  it("takes two disagreeing figures of one document for two quantities, not a contradiction", () => {
    // One article: "Turkey supplied 62 % of Georgia's arms imports." ... "Russia accounted for 27 %
    // of Georgia's arms imports." The label of each names Georgia only; another outlet's 62 joins the first.
    const share = { subjects: ["GEO", "RUS", "TUR"], metric: "share of Georgia's arms imports" };
    const clusters = clusterClaims(
      [
        claim({ doc: "k3", value: 62, ...share }),
        claim({ doc: "k3", value: 27, ...share }),
        claim({ doc: "k4", value: 62, ...share }),
      ],
      dated,
    );
    expect(clusters.map((c) => [c.status, c.claims.map((x) => x.value)])).toEqual([
      ["agree", [62, 62]],
      ["single", [27]],
    ]);
    // From two outlets the same two figures do contradict each other.
    expect(
      clusterClaims(
        [claim({ doc: "k3", value: 62, ...share }), claim({ doc: "k4", value: 27, ...share })],
        dated,
      ),
    ).toEqual([expect.objectContaining({ status: "conflict" })]);
  });

  it("keeps apart diplomats of one state expelled by the other and the reverse", () => {
    // "Baku expelled three Iranian diplomats." / "Tehran expelled three Azerbaijani diplomats in
    // reply." / "the three Iranian diplomats expelled in March" (another outlet).
    const expelled = { unit: "count" as const, subjects: ["AZE", "IRN"] };
    const clusters = clusterClaims(
      [
        claim({ doc: "k3", value: 3, ...expelled, metric: "Iranian diplomats", period: "2024-03-01" }),
        claim({ doc: "k3", value: 3, ...expelled, metric: "Azerbaijani diplomats" }),
        claim({ doc: "k4", value: 3, ...expelled, metric: "Iranian diplomats expelled in March" }),
        claim({ doc: "k4", value: 3, ...expelled, metric: "Azerbaijani diplomats" }),
      ],
      dated,
    );
    expect(clusters.map((c) => [c.status, c.claims.map((x) => x.quote.split(":")[0]).sort()])).toEqual([
      ["agree", ["Iranian diplomats", "Iranian diplomats expelled in March"]],
      ["agree", ["Azerbaijani diplomats", "Azerbaijani diplomats"]],
    ]);
  });

  it("takes the figures of hundreds of reprints as the figures of one article", () => {
    // Reprints give Israel's and Russia's shares (two quantities, as one
    // article gives them) and an independent outlet a third figure.
    const reprints = Array.from({ length: 400 }, (_, i) => `f${i.toString(16).padStart(4, "0")}`);
    const sources = createSourceIndex([
      ...reprints.map((label, i) => doc(label, `Outlet ${i}`, "2024-02")),
      doc("a1", "Independent", "2024-03"),
    ]);
    const shares = (label: string): ClaimRecord[] => [
      claim({
        doc: label,
        value: 60,
        subjects: AZ_IL,
        metric: "Israel's share of Azerbaijan's arms imports",
      }),
      claim({
        doc: label,
        value: 30,
        start: 200,
        subjects: ["AZE", "RUS"],
        metric: "Russia's share of Azerbaijan's arms imports",
      }),
    ];
    const independent = claim({
      doc: "a1",
      value: 69,
      subjects: AZ_IL,
      metric: "Israel's share of Azerbaijan's arms imports",
    });
    const clusters = clusterClaims([...reprints.flatMap(shares), independent], sources);
    expect(clusters.map((c) => [c.metric, c.claims.length, c.sources, c.status])).toEqual([
      ["Israel's share of Azerbaijan's arms imports", 401, 401, "conflict"],
      ["Russia's share of Azerbaijan's arms imports", 400, 400, "agree"],
    ]);
  });

  it("keeps apart two figures of one sentence in every reprint", () => {
    const reprints = ["f001", "f002", "f003"];
    const sources = createSourceIndex(reprints.map((label) => doc(label, `Outlet ${label}`, "2024-02")));
    const twice = (label: string): ClaimRecord[] => [
      claim({ doc: label, value: 40, subjects: AZ_IL, metric: "oil exports", start: 10 }),
      claim({ doc: label, value: 40, subjects: AZ_IL, metric: "oil exports", start: 10 }),
    ];
    const clusters = clusterClaims(reprints.flatMap(twice), sources);
    expect(clusters.map((c) => c.claims.length)).toEqual([3, 3]);
  });
});
