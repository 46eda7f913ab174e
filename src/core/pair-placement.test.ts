import { describe, expect, it } from "vitest";
import type { PlaceableEvent } from "./pair-placement.ts";
import { pairPlacement } from "./pair-placement.ts";

const event = (
  sourceCountry: string | null,
  targetCountry: string | null,
  location: string | null,
  root = "18",
): PlaceableEvent => ({ sourceCountry, targetCountry, location, root });

describe("pairPlacement", () => {
  it("places an event between two states on its sides, wherever it happened", () => {
    expect(pairPlacement(event("ISR", "IRN", "SYR"))).toEqual({
      source: "ISR",
      target: "IRN",
      unknown: null,
      note: null,
    });
  });

  it("puts the state where it happened in an unknown attacker's place, marked", () => {
    expect(pairPlacement(event("UNK", "AZE", "IRN"))).toEqual({
      source: "IRN",
      target: "AZE",
      unknown: "source",
      note: "attacker unknown, in IRN",
    });
  });

  it("names an unknown side by what the event is", () => {
    expect(pairPlacement(event("UNK", "GEO", "ARM", "04"))?.note).toBe("actor unknown, in ARM");
    expect(pairPlacement(event("TUR", "UNK", "SYR"))).toEqual({
      source: "TUR",
      target: "SYR",
      unknown: "target",
      note: "target unknown, in SYR",
    });
  });

  it.each([
    ["a state on itself", event("IRN", "IRN", null)],
    ["an unknown side without a place", event("UNK", "AZE", null)],
    ["an unknown side in the known side's own state", event("UNK", "AZE", "AZE")],
    ["a body that is no state, wherever", event("IGO", "AZE", "IRN")],
    ["no target", event("UNK", null, "IRN")],
    ["a place that is no state", event("UNK", "AZE", "IGO")],
  ])("gives no pair for %s", (_, e) => {
    expect(pairPlacement(e)).toBeNull();
  });
});
