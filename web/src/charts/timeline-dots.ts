import type { ScaleLinear, ScaleTime } from "d3-scale";
import { scaleLinear, scaleUtc } from "d3-scale";
import { GOLDSTEIN_MAX, GOLDSTEIN_MIN } from "../../../src/core/goldstein.ts";
import { isIsoDate } from "../../../src/core/ids.ts";
import { quadClassOf } from "../../../src/core/quad-class.ts";
import type { QuadClass } from "../../../src/core/quad-class.ts";
import type { EventItem } from "../api.ts";
import { dateStart, dateStartMs, isoDay } from "../lib/format.ts";
import type { Margins } from "./time-axes.ts";

/**
 * The Timeline's chart as data: events as dots in time by Goldstein value,
 * the visible range (zoom and pan) and which dot the pointer is near. Pure
 * functions; the view draws the dots on a canvas and wires the pointer.
 */

export interface Dot {
  readonly event: EventItem;
  /** The first instant of its date, in milliseconds (UTC). */
  readonly t: number;
  /** Goldstein, spread a little so that equal values on one day stay visible. */
  readonly y: number;
  /** Null for a root outside CAMEO's twenty, which no colour stands for. */
  readonly quad: QuadClass | null;
}

/** The time range in view. */
export type Domain = readonly [Date, Date];

/** Dots with their places on the chart, in pixels of its SVG. */
export interface Placed {
  readonly dots: readonly Dot[];
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export const DAY = 86_400_000;
export const TIMELINE_HEIGHT = 380;
export const TIMELINE_MARGIN: Margins = { top: 20, right: 20, bottom: 30, left: 48 };
/** How far from the pointer a dot may be and still be picked (as far as Observable Plot's pointer picks). */
export const PICK_RADIUS = 40;
/** Half a unit beyond the scale's ends, so that dots at ±10 are not cut by the frame. */
const Y_PAD = 0.5;

/** A stable spread in [-0.4, 0.4] from an id, so dots do not move between renders. */
export function jitter(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return ((h >>> 0) / 4294967295 - 0.5) * 0.8;
}

/** The dated events as dots, oldest first; undated events have no place in time and are left out. */
export function dotsOf(events: readonly EventItem[]): Dot[] {
  const dots: Dot[] = [];
  for (const event of events) {
    if (event.date === null) continue;
    dots.push({
      event,
      t: dateStartMs(event.date),
      y: event.goldstein + jitter(event.id),
      quad: quadClassOf(event.root),
    });
  }
  return dots.sort((a, b) => a.t - b.t);
}

/** A zoom as the URL holds it: `2023-01-01..2023-06-30`; null for anything else or an empty range. */
export function parseZoom(value: string | null): Domain | null {
  const [from, to, ...rest] = (value ?? "").split("..");
  if (from === undefined || to === undefined || rest.length > 0) return null;
  if (from.length !== 10 || to.length !== 10 || !isIsoDate(from) || !isIsoDate(to)) return null;
  const a = dateStart(from);
  const b = dateStart(to);
  return a < b ? [a, b] : null;
}

/** A range as `parseZoom` reads it. */
export function formatZoom(domain: Domain): string {
  return `${isoDay(domain[0])}..${isoDay(domain[1])}`;
}

/** The dots' time range, with a margin of 2 % (at least 15 days) at each end. */
export function extentOf(dots: readonly Dot[]): Domain {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { t } of dots) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const pad = Math.max(15 * DAY, (hi - lo) * 0.02);
  return [new Date(lo - pad), new Date(hi + pad)];
}

/** The range `factor` times as long (at least two days), keeping `centre` where it is on the axis. */
export function zoomAround(domain: Domain, centre: number, factor: number): Domain {
  const [a, b] = [domain[0].getTime(), domain[1].getTime()];
  const span = Math.max(2 * DAY, (b - a) * factor);
  const k = (centre - a) / (b - a);
  return [new Date(centre - span * k), new Date(centre + span * (1 - k))];
}

/** The range moved by `fraction` of its length (negative: earlier). */
export function shift(domain: Domain, fraction: number): Domain {
  const delta = (domain[1].getTime() - domain[0].getTime()) * fraction;
  return [new Date(domain[0].getTime() + delta), new Date(domain[1].getTime() + delta)];
}

/** The dots whose dates fall within the range. */
export function inDomain(dots: readonly Dot[], domain: Domain): Dot[] {
  const [from, to] = [domain[0].getTime(), domain[1].getTime()];
  return dots.filter((d) => d.t >= from && d.t <= to);
}

/** The chart's scales at a width: time across, the Goldstein scale up. */
export function timelineScales(
  domain: Domain,
  width: number,
): { x: ScaleTime<number, number>; y: ScaleLinear<number, number> } {
  const x = scaleUtc()
    .domain([domain[0], domain[1]])
    .range([TIMELINE_MARGIN.left, width - TIMELINE_MARGIN.right]);
  const y = scaleLinear()
    .domain([GOLDSTEIN_MIN - Y_PAD, GOLDSTEIN_MAX + Y_PAD])
    .range([TIMELINE_HEIGHT - TIMELINE_MARGIN.bottom, TIMELINE_MARGIN.top]);
  return { x, y };
}

/** Where each dot goes on the chart. */
export function place(
  dots: readonly Dot[],
  x: ScaleTime<number, number>,
  y: ScaleLinear<number, number>,
): Placed {
  const xs = new Float64Array(dots.length);
  const ys = new Float64Array(dots.length);
  dots.forEach((dot, i) => {
    xs[i] = x(dot.t);
    ys[i] = y(dot.y);
  });
  return { dots, x: xs, y: ys };
}

/** The index of the dot nearest (px, py) within `PICK_RADIUS`, or -1. */
export function nearest({ x, y }: Placed, px: number, py: number): number {
  let best = -1;
  let bestDistance = PICK_RADIUS * PICK_RADIUS;
  for (let i = 0; i < x.length; i++) {
    const dx = (x[i] ?? 0) - px;
    const dy = (y[i] ?? 0) - py;
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  }
  return best;
}
