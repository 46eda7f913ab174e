import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { rootOfCode } from "../../../src/core/cameo.ts";
import { actorIdOrThrow, docIdOrThrow, isoDateOrThrow } from "../../../src/core/ids.ts";
import type { EventItem } from "../api.ts";
import { timeAxes } from "./time-axes.ts";
import {
  DAY,
  TIMELINE_HEIGHT,
  TIMELINE_MARGIN,
  dotsOf,
  extentOf,
  formatZoom,
  inDomain,
  jitter,
  nearest,
  parseZoom,
  place,
  shift,
  timelineScales,
  zoomAround,
} from "./timeline-dots.ts";
import type { Domain } from "./timeline-dots.ts";
import { negativeRects } from "./testing.ts";

function event(id: string, date: string | null, cameo: string, goldstein: number): EventItem {
  return {
    id,
    doc: docIdOrThrow("0123456789abcdef"),
    date: date === null ? null : isoDateOrThrow(date),
    source: actorIdOrThrow("AZE"),
    sourceCountry: null,
    target: actorIdOrThrow("IRN"),
    targetCountry: null,
    cameo,
    root: rootOfCode(cameo),
    goldstein,
    modality: "asserted",
    quote: "",
    outlet: null,
    published: null,
  };
}

const EVENTS = [
  event("e3", "2023-03-10", "190", -10),
  event("e1", "2023-01", "042", 1.9),
  event("e2", null, "111", -2),
  event("e4", "2023", "0874", 5),
];

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe("dotsOf", () => {
  it("places dated events at the first instant of their date, oldest first (ties as given), with their quad class", () => {
    expect(dotsOf(EVENTS).map((d) => [d.event.id, new Date(d.t).toISOString().slice(0, 10), d.quad])).toEqual(
      [
        ["e1", "2023-01-01", "verbalCooperation"],
        ["e4", "2023-01-01", "materialCooperation"],
        ["e3", "2023-03-10", "materialConflict"],
      ],
    );
  });

  it("spreads equal values by at most 0.4, the same way every time", () => {
    const [dot] = dotsOf(EVENTS.slice(0, 1));
    expect(Math.abs((dot?.y ?? 0) + 10)).toBeLessThanOrEqual(0.4);
    expect(jitter("e3")).toBe(jitter("e3"));
    expect(jitter("e3")).not.toBe(jitter("e4"));
  });
});

describe("the zoom", () => {
  it.each([
    ["2023-01-01..2023-06-30", "2023-01-01..2023-06-30"],
    ["2023-06-30..2023-01-01", null],
    ["2023-01-01..2023-01-01", null],
    ["2023-02-30..2023-06-30", null],
    ["2023-01..2023-06", null],
    ["2023-01-01..2023-06-30..2024-01-01", null],
    [null, null],
  ])("reads %s as %s", (value, expected) => {
    const zoom = parseZoom(value);
    expect(zoom && formatZoom(zoom)).toBe(expected);
  });

  const year: Domain = [new Date(day("2023-01-01")), new Date(day("2024-01-01"))];

  it("zooms around a point that stays where it is", () => {
    const centre = day("2023-04-01");
    const [a, b] = zoomAround(year, centre, 0.5);
    const k = (centre - year[0].getTime()) / (year[1].getTime() - year[0].getTime());
    expect((centre - a.getTime()) / (b.getTime() - a.getTime())).toBeCloseTo(k, 9);
    expect(b.getTime() - a.getTime()).toBe((year[1].getTime() - year[0].getTime()) / 2);
  });

  it("never zooms in closer than two days", () => {
    const [a, b] = zoomAround(year, day("2023-04-01"), 0.000001);
    expect(b.getTime() - a.getTime()).toBe(2 * DAY);
  });

  it("pans by a share of the range", () => {
    const half = (year[1].getTime() - year[0].getTime()) / 2;
    const [a, b] = shift(year, -0.5);
    expect([a.getTime(), b.getTime()]).toEqual([year[0].getTime() - half, year[1].getTime() - half]);
  });

  it("keeps the dots within the range and pads the extent by at least 15 days", () => {
    const dots = dotsOf(EVENTS);
    const [from, to] = extentOf(dots);
    expect(day("2023-01-01") - from.getTime()).toBe(15 * DAY);
    expect(to.getTime() - day("2023-03-10")).toBe(15 * DAY);
    expect(inDomain(dots, [new Date(day("2023-02-01")), to]).map((d) => d.event.id)).toEqual(["e3"]);
  });
});

describe("picking a dot", () => {
  const dots = dotsOf(EVENTS);
  const domain = extentOf(dots);
  const { x, y } = timelineScales(domain, 600);
  const placed = place(dots, x, y);

  it("finds the nearest dot within the pick radius, else none", () => {
    const i = dots.findIndex((d) => d.event.id === "e3");
    expect(nearest(placed, (placed.x[i] ?? 0) + 10, (placed.y[i] ?? 0) - 10)).toBe(i);
    expect(nearest(placed, (placed.x[i] ?? 0) + 50, placed.y[i] ?? 0)).toBe(-1);
  });

  it("keeps the Goldstein scale's ends inside the frame", () => {
    expect(y(-10)).toBeLessThan(TIMELINE_HEIGHT - TIMELINE_MARGIN.bottom);
    expect(y(10)).toBeGreaterThan(TIMELINE_MARGIN.top);
  });
});

describe("the Timeline's axes as SVG", () => {
  it("draws the frame as before", async () => {
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const domain: Domain = [new Date(day("2022-11-01")), new Date(day("2023-05-01"))];
    const { x, y } = timelineScales(domain, 640);
    const svg = timeAxes({
      width: 640,
      height: TIMELINE_HEIGHT,
      margin: TIMELINE_MARGIN,
      x,
      y,
      yLabel: "Goldstein (conflict − / cooperation +)",
      rule: 0,
      document,
    }).outerHTML;
    expect(negativeRects(svg)).toEqual([]);
    await expect(svg).toMatchFileSnapshot("__snapshots__/timeline-axes.svg");
  });
});
