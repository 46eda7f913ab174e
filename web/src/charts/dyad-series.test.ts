import { describe, expect, it } from "vitest";
import { countryCodeOrThrow } from "../../../src/core/records.ts";
import type { DyadItem, EpisodeItem } from "../api.ts";
import {
  barColour,
  barsOf,
  dyadChartInput,
  goldsteinDomain,
  goldsteinPlot,
  pairRowsOf,
  pairsOf,
  quadPieces,
  quadPlot,
  slotsOf,
} from "./dyad-series.ts";
import { negativeRects, renderPlot } from "./testing.ts";

const AZE = countryCodeOrThrow("AZE");
const IRN = countryCodeOrThrow("IRN");
const ISR = countryCodeOrThrow("ISR");

/** A row of the series with its quad counts; Goldstein sum and mean follow from `mean`. */
function row(a: typeof AZE, b: typeof AZE, period: string, quads: readonly number[], mean: number): DyadItem {
  const [verbalCooperation = 0, materialCooperation = 0, verbalConflict = 0, materialConflict = 0] = quads;
  const events = verbalCooperation + materialCooperation + verbalConflict + materialConflict;
  return {
    a,
    b,
    period,
    events,
    goldstein: mean * events,
    goldsteinMean: mean,
    verbalCooperation,
    materialCooperation,
    verbalConflict,
    materialConflict,
    notes: [],
  };
}

const ROWS: readonly DyadItem[] = [
  row(AZE, IRN, "2023-03", [1, 0, 0, 0], 1),
  row(AZE, IRN, "2023-01", [0, 0, 3, 1], -4),
  row(AZE, ISR, "2023-01", [2, 1, 0, 0], 5),
  row(IRN, AZE, "2023-01", [1, 0, 1, 0], -0.5),
  row(AZE, IRN, "2023-02", [0, 0, 1, 0], -2),
];

const EPISODE: EpisodeItem = {
  id: "ep1",
  a: AZE,
  b: IRN,
  interval: "month",
  start: "2023-01",
  trough: "2023-01",
  end: "2023-03",
  troughGoldstein: -4,
  repairGoldstein: 1,
  events: [],
};

const PAIR = { key: "AZE-IRN", a: "AZE", b: "IRN", events: 10 };

describe("pairsOf and pairRowsOf", () => {
  it("joins both directions of a pair, busiest pair first", () => {
    expect(pairsOf(ROWS)).toEqual([
      { key: "AZE-IRN", a: "AZE", b: "IRN", events: 4 + 2 + 1 + 1 },
      { key: "AZE-ISR", a: "AZE", b: "ISR", events: 3 },
    ]);
  });

  it("keeps the pair's rows, oldest period first, a on b before b on a", () => {
    expect(pairRowsOf(ROWS, PAIR).map((r) => `${r.a}>${r.b} ${r.period}`)).toEqual([
      "AZE>IRN 2023-01",
      "IRN>AZE 2023-01",
      "AZE>IRN 2023-02",
      "AZE>IRN 2023-03",
    ]);
  });
});

describe("bars and slots", () => {
  const rows = pairRowsOf(ROWS, PAIR);

  it("splits a period between the directions of a directed series, left half for a on b", () => {
    const [forward, backward] = barsOf(rows, PAIR, true, "mean");
    expect(forward?.direction).toBe(0);
    expect(backward?.direction).toBe(1);
    expect(forward?.x2.getTime()).toBe(backward?.x1.getTime());
    expect(forward?.x1.toISOString().slice(0, 10)).toBe("2023-01-03");
  });

  it("draws the mean or the sum, coloured by sign (undirected) or by direction", () => {
    const [mean] = barsOf(rows, PAIR, false, "mean");
    const [sum] = barsOf(rows, PAIR, false, "sum");
    expect([mean?.value, sum?.value]).toEqual([-4, -16]);
    if (!mean) throw new Error("no bar");
    expect(barColour(mean, false)).toBe("#d7191c");
    expect(barColour(mean, true)).toBe("#1f5fa8");
  });

  it("puts both directions of a period in one slot, its tip giving counts by quad class", () => {
    const [january] = slotsOf(rows);
    expect(january?.events).toBe(6);
    expect(january?.goldstein).toBe(-17);
    expect(january?.text.split("\n")).toEqual([
      "Jan 2023",
      "6 events · mean -2.8 · sum -17.0",
      "Verbal cooperation: 1",
      "Material cooperation: 0",
      "Verbal conflict: 4",
      "Material conflict: 1",
      "Click to list the events",
    ]);
  });

  it("stacks the quad classes without empty pieces", () => {
    const pieces = quadPieces(barsOf(rows.slice(0, 1), PAIR, false, "mean"));
    expect(pieces.map((p) => [p.quad, p.y1, p.y2])).toEqual([
      ["verbalConflict", 0, 3],
      ["materialConflict", 3, 4],
    ]);
  });
});

describe("dyadChartInput", () => {
  it("spans the periods and the episodes, and is null for a pair without rows", () => {
    const input = dyadChartInput(pairRowsOf(ROWS, PAIR), [EPISODE], {
      pair: PAIR,
      directed: false,
      measure: "mean",
      selected: "2023-02",
    });
    expect(input?.bands[0]?.trough.toISOString()).toBe("2023-01-16T12:00:00.000Z");
    expect(input && goldsteinDomain(input)).toEqual([-10, 10]);
    expect(input?.domain[0].getTime()).toBeLessThan(Date.UTC(2023, 0, 1));
    expect(input?.domain[1].getTime()).toBeGreaterThan(Date.UTC(2023, 3, 1) - 1);
    expect(
      dyadChartInput([], [], { pair: PAIR, directed: false, measure: "mean", selected: null }),
    ).toBeNull();
  });

  it("scales a sum to its data, at least ±1", () => {
    const input = dyadChartInput(pairRowsOf(ROWS, PAIR).slice(3), [], {
      pair: PAIR,
      directed: false,
      measure: "sum",
      selected: null,
    });
    expect(input && goldsteinDomain(input)).toEqual([-1.1, 1.1]);
  });
});

describe("the Dyads charts as SVG", () => {
  const input = dyadChartInput(pairRowsOf(ROWS, PAIR), [EPISODE], {
    pair: PAIR,
    directed: true,
    measure: "mean",
    selected: "2023-02",
  });
  if (!input) throw new Error("no chart input");

  it("draws the Goldstein panel as before", async () => {
    const svg = renderPlot(goldsteinPlot(input, 640));
    expect(negativeRects(svg)).toEqual([]);
    await expect(svg).toMatchFileSnapshot("__snapshots__/dyad-goldstein.svg");
  });

  it("draws the quad class panel as before", async () => {
    const svg = renderPlot(quadPlot(input, 640));
    expect(negativeRects(svg)).toEqual([]);
    await expect(svg).toMatchFileSnapshot("__snapshots__/dyad-quads.svg");
  });
});
