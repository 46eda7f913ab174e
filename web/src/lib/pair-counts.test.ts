import { describe, expect, it } from "vitest";
import { pairCountText } from "./pair-counts.ts";

describe("a pair's counts in words", () => {
  it("gives one number when every report is its own dated, asserted event", () => {
    expect(pairCountText({ reports: 3, asserted: 3, events: 3, undated: 0 })).toEqual({
      summary: "3 events",
      reasons: [],
      inSeries: 3,
    });
  });

  it("says why reports and merged events differ, each reason with its share", () => {
    const text = pairCountText({ reports: 59, asserted: 50, events: 42, undated: 2 });
    expect(text.summary).toBe("59 reports, 42 merged events");
    expect(text.reasons).toEqual([
      "9 reports are not asserted (alleged, denied, planned or hypothetical)",
      "8 reports repeat an event another gives",
      "2 merged events are undated, so in no series",
    ]);
    // What Dyads' series count: the dated merged events.
    expect(text.inSeries).toBe(40);
  });

  it("speaks of one in the singular, and leaves out a negative repeat count", () => {
    const text = pairCountText({ reports: 2, asserted: 1, events: 2, undated: 1 });
    expect(text.summary).toBe("2 reports, 2 merged events");
    expect(text.reasons).toEqual([
      "1 report is not asserted (alleged, denied, planned or hypothetical)",
      "1 merged event is undated, so in no series",
    ]);
  });
});
