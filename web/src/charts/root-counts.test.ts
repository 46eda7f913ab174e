import { describe, expect, it } from "vitest";
import { clip, rootCountsPlot } from "./root-counts.ts";
import { negativeRects, renderPlot } from "./testing.ts";

const BY_ROOT = [
  { root: "04", events: 12 },
  { root: "11", events: 7 },
  { root: "19", events: 3 },
  { root: "06", events: 1 },
];

describe("rootCountsPlot", () => {
  it.each([1440, 600, 390, 260, 120])("draws no bar of negative width at %i pixels", (width) => {
    expect(negativeRects(renderPlot(rootCountsPlot(BY_ROOT, width)))).toEqual([]);
  });

  it("names each root, cut short where the margin is narrow", () => {
    const wide = renderPlot(rootCountsPlot(BY_ROOT, 1440));
    const narrow = renderPlot(rootCountsPlot(BY_ROOT, 300));
    expect(wide).toContain("06 Engage in material cooperation");
    expect(narrow).not.toContain("06 Engage in material cooperation");
    expect(narrow).toContain("06 Engage in materi…");
  });

  it("cuts with an ellipsis only what is too long", () => {
    expect(clip("04 Consult", 20)).toBe("04 Consult");
    expect(clip("19 Use conventional military force", 10)).toBe("19 Use co…");
  });

  it("draws the roots as before", async () => {
    await expect(renderPlot(rootCountsPlot(BY_ROOT, 640))).toMatchFileSnapshot(
      "__snapshots__/root-counts.svg",
    );
  });
});
