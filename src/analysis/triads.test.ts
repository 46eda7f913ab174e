import { describe, expect, it } from "vitest";
import { clusterEvents } from "./event-clusters.ts";
import { createSourceIndex } from "./sources.ts";
import { doc, event } from "./testing/records.ts";
import { findTriads, isBalanced } from "./triads.ts";

const sources = createSourceIndex([doc("a1", "A")]);
const e = (source: string, target: string, goldstein: number, date: string | null) =>
  event({ doc: "a1", source, target, cameo: goldstein > 0 ? "042" : "112", goldstein, date });

describe("findTriads", () => {
  const clusters = clusterEvents(
    [
      // 2023: Azerbaijan and Israel friends, both hostile to Iran: balanced (+ - -).
      e("AZE", "ISR", 1.9, "2023-03-01"),
      e("IRN", "AZE", -2, "2023-04-01"),
      e("ISR", "IRN", -2, "2023-05-01"),
      // 2024: Azerbaijan mends ties with Iran while staying close to Israel: unbalanced (+ + -).
      e("AZE", "ISR", 1.9, "2024-03-01"),
      e("AZE", "IRN", 1.9, "2024-05-19"),
      e("ISR", "IRN", -2, "2024-10-01"),
      // An undated event: only in the `all` window.
      e("ISR", "IRN", -2, null),
    ],
    sources,
  );

  it("judges each triangle per year by Heider's balance", () => {
    const triads = findTriads(clusters);
    expect(triads.map((t) => [t.actors.join("-"), t.window, t.balanced])).toEqual([
      ["AZE-IRN-ISR", "2023", true],
      ["AZE-IRN-ISR", "2024", false],
    ]);
    expect(triads[0]?.edges).toEqual([
      { a: "AZE", b: "IRN", events: 1, goldsteinMean: -2, sign: -1, thin: true },
      { a: "AZE", b: "ISR", events: 1, goldsteinMean: 1.9, sign: 1, thin: true },
      { a: "IRN", b: "ISR", events: 1, goldsteinMean: -2, sign: -1, thin: true },
    ]);
  });

  it("says which edges a verdict rests on one or two events of", () => {
    const triads = findTriads(clusters, { interval: "all" });
    expect(triads[0]?.caveat).toBe(
      "The AZE–IRN edge rests on 2 events and the AZE–ISR edge on 2: one more event could turn the verdict.",
    );
    const many = clusterEvents(
      ["2023-01-01", "2023-02-01", "2023-03-01"].flatMap((date) => [
        e("AZE", "ISR", 1.9, date),
        e("IRN", "AZE", -2, date),
        e("ISR", "IRN", -2, date),
      ]),
      sources,
    );
    expect(findTriads(many)[0]).toMatchObject({ balanced: true, caveat: null });
  });

  it("takes every event in the `all` window", () => {
    const [all] = findTriads(clusters, { interval: "all" });
    expect(all?.edges.map((edge) => edge.events)).toEqual([2, 2, 3]);
  });

  it("leaves out triangles whose edges have too few events, or other actors", () => {
    expect(findTriads(clusters, { minEvents: 2 })).toEqual([]);
    expect(findTriads(clusters, { actors: ["AZE", "ISR", "TUR"] })).toEqual([]);
  });
});

describe("isBalanced", () => {
  it.each([
    [[1, 1, 1], true],
    [[1, -1, -1], true],
    [[1, 1, -1], false],
    [[-1, -1, -1], false],
    [[1, 0, 1], null],
  ] as const)("%j -> %s", (signs, expected) => {
    expect(isBalanced(signs)).toBe(expected);
  });
});
