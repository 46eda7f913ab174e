import { describe, expect, it } from "vitest";
import { allAgree, clusterClaims } from "./claim-clusters.ts";
import { createSourceIndex } from "./sources.ts";
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
      "2025",
      "2025-03",
      "2026-01",
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
    [
      "different periods",
      { period: "2022", metric: "oil exports" },
      { period: "2023", metric: "oil exports" },
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
          claim({ doc: "a1", value: 40, subjects: AZ_IL, metric: "crude oil" }),
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

  it("takes a figure without a period to be about the months before its publication", () => {
    const dated = createSourceIndex([
      doc("f1", "Outlet F", "2016-12-15"),
      doc("f2", "Outlet G", "2023-11-08"),
      doc("f3", "Outlet H", "2024-06-01"),
    ]);
    const share = { subjects: AZ_IL, metric: "share of Israel's oil supply", qualifier: "approx" as const };
    const clusters = clusterClaims(
      [
        claim({ doc: "f1", value: 25, ...share }),
        claim({ doc: "f2", value: 40, ...share }),
        claim({ doc: "f3", value: 40, ...share }),
        // A stated period inside the window of the 2024 article joins it; one years before does not.
        claim({ doc: "f3", value: 40, ...share, period: "2023" }),
        claim({ doc: "f3", value: 30, ...share, period: "2019" }),
      ],
      dated,
    );
    expect(clusters.map((c) => [c.status, c.claims.map((x) => x.value)])).toEqual([
      ["agree", [40, 40, 40]],
      ["single", [25]],
      ["single", [30]],
    ]);
  });

  it("returns nothing for no claims", () => {
    expect(clusterClaims([], sources)).toEqual([]);
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
