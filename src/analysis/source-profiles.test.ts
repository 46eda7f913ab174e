import { describe, expect, it } from "vitest";
import { clusterClaims } from "./claim-clusters.ts";
import { profileSources } from "./source-profiles.ts";
import { createSourceIndex } from "./sources.ts";
import { claim, doc, docId, event } from "./testing/records.ts";

describe("profileSources", () => {
  const documents = [
    doc("a1", "Outlet A"),
    doc("a2", "outlet a"),
    doc("b1", "Outlet B"),
    doc("c1", "Copy Desk"),
    doc("d1", null),
  ];
  const sources = createSourceIndex(documents, [[docId("b1"), docId("c1")]]);
  const AZ_IL = ["AZE", "ISR"];
  const claims = [
    claim({ doc: "a1", value: 40, qualifier: "approx", subjects: AZ_IL, metric: "Israel's oil needs" }),
    claim({ doc: "b1", value: 40, subjects: AZ_IL, metric: "oil supplied to Israel" }),
    claim({ doc: "c1", value: 60, subjects: AZ_IL, metric: "Israel's oil imports" }),
    claim({ doc: "d1", value: 5, unit: "count", subjects: ["IRN"], metric: "drones" }),
  ];
  const events = [
    event({ doc: "a1", source: "IRN", target: "AZE", cameo: "112", goldstein: -2 }),
    event({ doc: "a2", source: "IRN", target: "AZE", cameo: "161", goldstein: -4 }),
    event({ doc: "a2", source: "AZE", target: "ISR", cameo: "042", goldstein: 1.9 }),
    event({ doc: "a2", source: "AZE", target: "ISR", cameo: "042", goldstein: 1.9, modality: "planned" }),
  ];
  const profiles = profileSources({
    documents,
    events,
    claimClusters: clusterClaims(claims, sources),
    sources,
  });

  it("gathers an outlet's articles under one name, most articles first", () => {
    expect(profiles.map((p) => [p.outlet, p.articles])).toEqual([
      ["Outlet A", 2],
      ["Copy Desk", 1],
      ["Outlet B", 1],
      [null, 1],
    ]);
  });

  it("shows how the outlet frames each actor", () => {
    const a = profiles[0];
    expect(a?.events).toBe(3);
    expect(a?.actors).toEqual([
      {
        actor: "AZE",
        events: 3,
        goldsteinMean: -1.37,
        asSource: { events: 1, goldsteinMean: 1.9 },
        asTarget: { events: 2, goldsteinMean: -3 },
      },
      {
        actor: "IRN",
        events: 2,
        goldsteinMean: -3,
        asSource: { events: 2, goldsteinMean: -3 },
        asTarget: { events: 0, goldsteinMean: 0 },
      },
      {
        actor: "ISR",
        events: 1,
        goldsteinMean: 1.9,
        asSource: { events: 0, goldsteinMean: 0 },
        asTarget: { events: 1, goldsteinMean: 1.9 },
      },
    ]);
  });

  it("tells corroborated, contradicted and lone figures apart, ignoring copies", () => {
    const claimsOf = (outlet: string | null) => profiles.find((p) => p.outlet === outlet)?.claims;
    // A's "about 40" is backed by B's 40; B's 40 by A; the copy's 60 only contradicted.
    expect(claimsOf("Outlet A")).toEqual({ total: 1, corroborated: 1, contradicted: 0, alone: 0 });
    expect(claimsOf("Outlet B")).toEqual({ total: 1, corroborated: 1, contradicted: 0, alone: 0 });
    expect(claimsOf("Copy Desk")).toEqual({ total: 1, corroborated: 0, contradicted: 1, alone: 0 });
    expect(claimsOf(null)).toEqual({ total: 1, corroborated: 0, contradicted: 0, alone: 1 });
  });
});
