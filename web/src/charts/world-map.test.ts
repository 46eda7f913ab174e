import { describe, expect, it } from "vitest";
import type { Arc, Country } from "./world-map.ts";
import { regionOf, worldMapPlot } from "./world-map.ts";
import { renderPlot } from "./testing.ts";

const AZE = { lat: 40.5, lng: 47.5 };
const IRN = { lat: 32, lng: 53 };
const POINTS: Readonly<Record<string, { lat: number; lng: number }>> = {
  AZE,
  IRN,
  USA: { lat: 38, lng: -97 },
};
const pointOf = (code: string) => POINTS[code];

describe("regionOf", () => {
  it("frames the states with at least a sixth of the top state's events, padded", () => {
    const region = regionOf(
      new Map([
        ["AZE", 60],
        ["IRN", 30],
        ["USA", 9],
      ]),
      pointOf,
    );
    expect(region?.coordinates).toEqual([
      [39.5, 26],
      [39.5, 46.5],
      [61, 26],
      [61, 46.5],
    ]);
  });

  it("is the whole world when no state has a point", () => {
    expect(regionOf(new Map([["XXX", 3]]), pointOf)).toBeUndefined();
  });
});

const SQUARE: Country = {
  type: "Feature",
  id: "031",
  properties: { name: "Azerbaijan" },
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [45, 39],
        [50, 39],
        [50, 42],
        [45, 42],
        [45, 39],
      ],
    ],
  },
};

const ARC: Arc = {
  key: "AZE~IRN",
  a: "AZE",
  b: "IRN",
  from: { lat: 40.5, lng: 47.5 },
  to: { lat: 32, lng: 53 },
  events: 5,
  goldsteinMean: -3,
};

describe("worldMapPlot", () => {
  it("draws the shapes, the arcs and the labels as before", async () => {
    const activity = new Map([
      ["AZE", 6],
      ["IRN", 5],
    ]);
    const spec = worldMapPlot(
      {
        shapes: [SQUARE],
        byNumeric: new Map([["031", 6]]),
        topEvents: 6,
        arcs: [ARC],
        labels: [
          { code: "AZE", name: "Azerbaijan", ...AZE },
          { code: "IRN", name: "Iran", ...IRN },
        ],
        region: regionOf(activity, pointOf),
        name: (code) => (code === "AZE" ? "Azerbaijan" : "Iran"),
      },
      640,
    );
    // The colour legend's ramp is drawn on a canvas, which linkedom lacks; the map itself is all SVG.
    const svg = renderPlot({ ...spec, color: { ...spec.color, legend: false } });
    expect(svg).toContain("Azerbaijan – Iran: 5 events, mean Goldstein -3.0");
    await expect(svg).toMatchFileSnapshot("__snapshots__/world-map.svg");
  });
});
