import { describe, expect, it } from "vitest";
import { isoDateOrThrow } from "../core/ids.ts";
import { clusterEvents } from "./event-clusters.ts";
import { pairCounts } from "./pairs.ts";
import { createSourceIndex } from "./sources.ts";
import { doc, event } from "./testing/records.ts";

describe("pairCounts", () => {
  const sources = createSourceIndex([doc("a1", "Outlet A"), doc("b1", "Outlet B"), doc("a2", "Outlet A")]);
  const events = [
    // One expulsion, three reports from two outlets (a2 is Outlet A again).
    event({ doc: "a1", source: "IRN", target: "AZE", cameo: "174", goldstein: -5, date: "2023-04-06" }),
    event({ doc: "b1", source: "IRN", target: "AZE", cameo: "166", goldstein: -4, date: "2023-04" }),
    event({ doc: "a2", source: "IRN", target: "AZE", cameo: "174", goldstein: -5, date: "2023-04-07" }),
    // An accusation the text only alleges, and an undated condemnation the other way.
    event({ doc: "b1", source: "AZE", target: "IRN", cameo: "112", goldstein: -2, modality: "alleged" }),
    event({ doc: "a1", source: "AZE", target: "IRN", cameo: "111", goldstein: -2, date: null }),
    // Another pair, and a president acting for his state.
    event({
      doc: "a1",
      source: "person:ilham-aliyev",
      target: "ISR",
      cameo: "042",
      goldstein: 1.9,
      date: "2023",
    }),
  ];
  const clusters = clusterEvents(events, sources);

  it("counts reports, asserted reports, merged events, their sources and undated events per pair", () => {
    expect(pairCounts(events, clusters, sources)).toEqual([
      { a: "AZE", b: "IRN", reports: 5, asserted: 4, events: 2, sources: 2, undated: 1 },
      { a: "ISR", b: "person:ilham-aliyev", reports: 1, asserted: 1, events: 1, sources: 1, undated: 0 },
    ]);
  });

  it("keeps the pairs of an actor, and the events whose dates can fall within the bounds", () => {
    const bounded = pairCounts(events, clusters, sources, {
      actor: "IRN",
      from: isoDateOrThrow("2023-04"),
      to: isoDateOrThrow("2023-04"),
    });
    expect(bounded).toEqual([
      { a: "AZE", b: "IRN", reports: 3, asserted: 3, events: 1, sources: 2, undated: 0 },
    ]);
  });
});
