import { describe, expect, it } from "vitest";
import { fixtureRecords } from "../../test/analysis/fixture-kb.ts";
import type { Timeline } from "./timelinejs.ts";
import { timelinejsFormat } from "./timelinejs.ts";

async function exportTimeline(): Promise<Timeline> {
  let out = "";
  const types = timelinejsFormat.types(null);
  for await (const chunk of timelinejsFormat.write(fixtureRecords(), { includeText: false, types }))
    out += chunk;
  return JSON.parse(out) as Timeline;
}

describe("timelinejs export", () => {
  it("writes TimelineJS JSON: events with a start date, a headline and text, and a group", async () => {
    const timeline = await exportTimeline();
    expect(timeline.title.text.headline).toBeTruthy();
    expect(timeline.events.length).toBeGreaterThan(0);
    for (const event of timeline.events) {
      expect(Number.isInteger(event.start_date.year)).toBe(true);
      if (event.start_date.month !== undefined) expect(event.start_date.month).toBeGreaterThanOrEqual(1);
      if (event.start_date.day !== undefined) expect(event.start_date.month).toBeDefined();
      expect(typeof event.text.headline).toBe("string");
      expect(typeof event.text.text).toBe("string");
      expect(typeof event.group).toBe("string");
    }
  });

  it("shows one expulsion once, with its sources linked, dated as precisely as known", async () => {
    const { events } = await exportTimeline();
    const expulsion = events.filter(
      (e) => e.text.headline.startsWith("Iran → Azerbaijan") && e.text.headline.includes("conflict"),
    );
    expect(expulsion).toHaveLength(1);
    expect(expulsion[0]).toMatchObject({
      start_date: { year: 2023, month: 4, day: 6 },
      group: "Azerbaijan – Iran",
      text: { headline: "Iran → Azerbaijan: CAMEO 166 (material conflict)" },
    });
    expect(expulsion[0]?.text.text).toContain(
      '<a href="https://example.org/a1">Wire Service, 2023-04-07</a>',
    );
    expect(expulsion[0]?.text.text).toContain("2 independent sources");
    const yearOnly = events.find((e) => e.text.headline.includes("CAMEO 061"));
    expect(yearOnly?.start_date).toEqual({ year: 2023 });
  });

  it("escapes article text, which TimelineJS would render as HTML", async () => {
    const { events } = await exportTimeline();
    const met = events.find((e) => e.text.headline.includes("CAMEO 040"));
    expect(met?.text.text).toContain("&amp; said &quot;ties &lt;deepen&gt;&quot;");
    expect(met?.text.text).not.toContain("<deepen>");
  });
});
