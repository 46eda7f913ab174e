import * as Plot from "@observablehq/plot";
import type { Feature, Geometry, MultiPoint } from "geojson";
import { formatCount, formatGoldstein } from "../lib/format.ts";
import { goldsteinColour } from "../lib/quad-style.ts";

/**
 * The Map view's chart: states shaded by their events, arcs between the
 * states of each pair coloured by mean Goldstein, labels at the states'
 * points. Data in, Plot spec out; the view looks up the countries' points
 * and names (the build's country table) and loads the world's shapes.
 */

export type Country = Feature<Geometry, { name: string }>;

export interface MapPoint {
  readonly lat: number;
  readonly lng: number;
}

export interface Arc {
  readonly key: string;
  readonly a: string;
  readonly b: string;
  readonly from: MapPoint;
  readonly to: MapPoint;
  readonly events: number;
  readonly goldsteinMean: number;
}

export interface MapLabel extends MapPoint {
  readonly code: string;
  readonly name: string;
}

export interface WorldMapInput {
  readonly shapes: readonly Country[];
  /** Events by the ISO numeric code the shapes carry as their id. */
  readonly byNumeric: ReadonlyMap<string, number>;
  /** The most events of any state (mapped or not): the top of the colour scale. */
  readonly topEvents: number;
  readonly arcs: readonly Arc[];
  readonly labels: readonly MapLabel[];
  /** The part of the world to fit; the whole world when undefined. */
  readonly region: MultiPoint | undefined;
  /** A state's name for the arcs' titles. */
  readonly name: (code: string) => string;
}

/**
 * The part of the world the events are about: the box around the states
 * with at least a sixth of the top state's events (padded), so that a few
 * events with Washington or Moscow do not zoom the map out to the world.
 */
export function regionOf(
  activity: ReadonlyMap<string, number>,
  pointOf: (code: string) => MapPoint | undefined,
): MultiPoint | undefined {
  const top = Math.max(0, ...activity.values());
  const points = [...activity]
    .filter(([, n]) => n >= top / 6)
    .flatMap(([code]) => {
      const point = pointOf(code);
      return point ? [point] : [];
    });
  if (points.length === 0) return undefined;
  const lngs = points.map((p) => p.lng);
  const lats = points.map((p) => p.lat);
  const [west, east] = [Math.min(...lngs) - 8, Math.max(...lngs) + 8];
  const [south, north] = [Math.max(-85, Math.min(...lats) - 6), Math.min(85, Math.max(...lats) + 6)];
  return {
    type: "MultiPoint",
    coordinates: [
      [west, south],
      [west, north],
      [east, south],
      [east, north],
    ],
  };
}

export function worldMapPlot(input: WorldMapInput, width: number): Plot.PlotOptions {
  const { shapes, byNumeric, topEvents, arcs, labels, region, name } = input;
  const maxEvents = Math.max(1, ...arcs.map((a) => a.events));
  return {
    width,
    height: Math.round(width * (region ? 0.6 : 0.5)),
    projection: region ? { type: "equal-earth", domain: region, inset: 40 } : { type: "equal-earth" },
    color: {
      type: "sqrt",
      scheme: "oranges",
      domain: [0, Math.max(1, topEvents)],
      unknown: "#eceae4",
      label: "Events",
      legend: true,
    },
    marks: [
      Plot.sphere({ fill: "#f4f8fb", stroke: "#c9d3dd" }),
      Plot.geo(shapes, {
        fill: (c: Country) => byNumeric.get(String(c.id)),
        stroke: "#ffffff",
        strokeWidth: 0.5,
        title: (c: Country) => {
          const n = byNumeric.get(String(c.id));
          return n === undefined ? c.properties.name : `${c.properties.name}: ${formatCount(n)} events`;
        },
      }),
      // Arcs bent in screen space: great circles between distant states would run over the pole.
      Plot.arrow(arcs, {
        x1: (a: Arc) => a.from.lng,
        y1: (a: Arc) => a.from.lat,
        x2: (a: Arc) => a.to.lng,
        y2: (a: Arc) => a.to.lat,
        stroke: (a: Arc) => goldsteinColour(a.goldsteinMean),
        strokeWidth: (a: Arc) => 1.5 + (8 * a.events) / maxEvents,
        strokeOpacity: 0.8,
        bend: 18,
        headLength: 0,
        title: (a: Arc) =>
          `${name(a.a)} – ${name(a.b)}: ${formatCount(a.events)} events, mean Goldstein ${formatGoldstein(a.goldsteinMean)}`,
      }),
      Plot.dot(labels, { x: "lng", y: "lat", r: 2.5, fill: "#1b2430" }),
      Plot.text(labels, {
        x: "lng",
        y: "lat",
        text: "name",
        dy: -9,
        fontSize: 11,
        fontWeight: 600,
        fill: "#1b2430",
        stroke: "white",
        strokeWidth: 3,
      }),
    ],
  };
}
