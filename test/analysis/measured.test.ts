import { describe, expect, it } from "vitest";
import { createAnalysis } from "../../src/analysis/analysis.ts";
import { collectRecords } from "../../src/analysis/collect.ts";
import { createDuplicateFinder } from "../../src/analysis/near-duplicates.ts";
import { claim, docId, event } from "../../src/analysis/testing/records.ts";
import { fixtureRecords } from "./fixture-kb.ts";

/**
 * The checks the issue names under "Measured", over the fixture knowledge
 * base (texts written for these tests), run end to end: records as the
 * store yields them, near-copies found from the texts, then the analysis.
 */
async function analyse(
  extra: { claims?: ReturnType<typeof claim>[]; events?: ReturnType<typeof event>[] } = {},
) {
  const finder = createDuplicateFinder();
  const records = await collectRecords(fixtureRecords(), (doc) => {
    finder.add(doc.id, doc.text);
  });
  return createAnalysis({
    documents: records.documents,
    events: [...records.events, ...(extra.events ?? [])],
    claims: [...records.claims, ...(extra.claims ?? [])],
    nearDuplicates: finder.groups(),
  });
}

describe("measured on fixtures", () => {
  it("finds the reprint of the wire story as a near-copy", async () => {
    const analysis = await analyse();
    expect(analysis.sources.sourceOf(docId("a1"))).toBe(analysis.sources.sourceOf(docId("b1")));
    expect(analysis.sources.count([docId("a1"), docId("b1"), docId("c1"), docId("d1")])).toBe(3);
  });

  it("puts one share quoted 40, about 40, almost 40 and 40–65 in one agreeing cluster", async () => {
    const analysis = await analyse({
      claims: [
        claim({
          doc: "c1",
          value: 40,
          subjects: ["AZE", "ISR"],
          metric: "share of Israel's oil from Azerbaijan",
        }),
      ],
    });
    const oil = analysis.claimClusters().filter((c) => c.metric.includes("oil"));
    expect(oil).toHaveLength(1);
    expect(oil[0]).toMatchObject({ status: "agree", unit: "percent", subjects: ["AZE", "ISR"], sources: 3 });
    expect(oil[0]?.claims).toHaveLength(5);
  });

  it("puts 69 % and almost 70 percent of arms imports in one cluster", async () => {
    const arms = { subjects: ["AZE", "ISR"] };
    const analysis = await analyse({
      claims: [
        claim({ doc: "a1", value: 69, ...arms, metric: "Israel's share of Azerbaijan's arms imports" }),
        claim({
          doc: "c1",
          value: 70,
          qualifier: "approx",
          ...arms,
          metric: "arms Azerbaijan bought from Israel",
        }),
      ],
    });
    const cluster = analysis.claimClusters().find((c) => c.claims.some((x) => x.value === 69));
    expect(cluster?.claims.map((x) => x.value)).toEqual([69, 70]);
    expect(cluster?.status).toBe("agree");
  });

  it("keeps Iran's expulsion of Azerbaijani diplomats apart from Baku's of Iranian ones", async () => {
    const expelled = { value: 4, unit: "count" as const, subjects: ["AZE", "IRN"] };
    const analysis = await analyse({
      claims: [
        claim({ doc: "a1", ...expelled, metric: "Azerbaijani diplomats", period: "2023-04-06" }),
        claim({ doc: "b1", ...expelled, metric: "Azerbaijani diplomats", period: "2023-04-06" }),
        claim({ doc: "c1", ...expelled, metric: "Iranian diplomats" }),
        claim({
          doc: "d1",
          ...expelled,
          metric: "Iranian diplomats expelled in April 2023",
          period: "2023-04",
        }),
      ],
    });
    const counts = analysis.claimClusters().filter((c) => c.unit === "count");
    expect(counts.map((c) => [c.status, c.sources, c.claims.map((x) => x.doc.slice(0, 2))])).toEqual([
      ["agree", 2, ["c1", "d1"]],
      // The reprint is no second source.
      ["single", 1, ["a1", "b1"]],
    ]);
  });

  it("merges one expulsion reported by three documents, counting two syndicated copies as one source", async () => {
    const analysis = await analyse();
    const expulsion = analysis.eventClusters().filter((c) => c.sourceCountry === "IRN" && c.root === "16");
    expect(expulsion).toHaveLength(1);
    expect(expulsion[0]?.reports).toHaveLength(3);
    expect(expulsion[0]?.sources).toBe(2);
    // Three outlets with nothing copied are three sources.
    const { documents, events } = await collectRecords(fixtureRecords());
    const analysisWithout = createAnalysis({ documents, events, claims: [] });
    expect(analysisWithout.eventClusters().find((c) => c.root === "16")?.sources).toBe(3);
  });

  it("sees the Azerbaijan–Iran dyad negative in early 2023 and positive in May 2024, as an episode", async () => {
    const analysis = await analyse();
    const rows = analysis.dyads({ interval: "month" }).filter((r) => r.a === "AZE" && r.b === "IRN");
    expect(rows.map((r) => [r.period, r.events, r.goldsteinMean])).toEqual([
      ["2023-04", 2, -4.5],
      ["2024-05", 2, 2.35],
    ]);
    expect(analysis.episodes()).toEqual([
      expect.objectContaining({ a: "AZE", b: "IRN", start: "2023-04", trough: "2023-04", end: "2024-05" }),
    ]);
  });

  it("judges a balanced and an unbalanced Azerbaijan–Iran–Israel triangle", async () => {
    const analysis = await analyse({
      events: [
        event({ doc: "c1", source: "ISR", target: "IRN", cameo: "138", goldstein: -7, date: "2023-06-01" }),
        event({ doc: "d1", source: "IRN", target: "ISR", cameo: "195", goldstein: -10, date: "2024-04-13" }),
      ],
    });
    expect(
      analysis.triads({ interval: "year" }).map((t) => [t.window, t.edges.map((e) => e.sign), t.balanced]),
    ).toEqual([
      ["2023", [-1, 1, -1], true],
      ["2024", [1, 1, -1], false],
    ]);
  });

  it("profiles each outlet", async () => {
    const profiles = (await analyse()).sourceProfiles();
    expect(profiles.map((p) => p.outlet)).toEqual(["Baku Observer", "Reprint Daily", "Wire Service", null]);
    // The wire's "about 40" is backed by the observer (the reprint is no independent source).
    expect(profiles.find((p) => p.outlet === "Wire Service")?.claims).toEqual({
      total: 1,
      corroborated: 1,
      contradicted: 0,
      alone: 0,
    });
  });
});
