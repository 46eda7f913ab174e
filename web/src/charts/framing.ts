import * as Plot from "@observablehq/plot";
import { isStateCode } from "../../../src/core/codes.ts";
import { GOLDSTEIN_MAX, GOLDSTEIN_MIN } from "../../../src/core/goldstein.ts";
import type { SourceItem } from "../api.ts";
import { formatCount, formatGoldstein } from "../lib/format.ts";
import { goldsteinColour } from "../lib/quad-style.ts";

/**
 * The Sources view's framing chart: for each of the most reported states,
 * one dot per outlet at the mean Goldstein value of the events it reports
 * with that state on either side. Data and Plot spec, pure.
 */

/** States reported by most outlets, for the framing chart. */
export const FRAMING_STATES = 8;

export interface FramingDot {
  readonly outlet: string;
  /** The state's name, as the y axis lists it. */
  readonly actor: string;
  readonly mean: number;
  readonly events: number;
}

export interface Framing {
  /** The states' names, the most reported first. */
  readonly actors: readonly string[];
  readonly dots: readonly FramingDot[];
}

/** The most reported states (by events over all outlets) and each outlet's dot for them. */
export function framingOf(profiles: readonly SourceItem[], name: (code: string) => string): Framing {
  const reach = new Map<string, number>();
  for (const p of profiles)
    for (const a of p.actors)
      if (isStateCode(a.actor)) reach.set(a.actor, (reach.get(a.actor) ?? 0) + a.events);
  const top = [...reach.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, FRAMING_STATES)
    .map(([code]) => code);
  return {
    actors: top.map(name),
    dots: profiles.flatMap((p) =>
      p.actors
        .filter((a) => top.includes(a.actor))
        .map((a) => ({
          outlet: p.outlet ?? "No outlet named",
          actor: name(a.actor),
          mean: a.goldsteinMean,
          events: a.events,
        })),
    ),
  };
}

export function framingPlot(framing: Framing, width: number): Plot.PlotOptions {
  return {
    width,
    height: 50 + framing.actors.length * 34,
    marginLeft: 110,
    x: {
      domain: [GOLDSTEIN_MIN, GOLDSTEIN_MAX],
      grid: true,
      label: "mean Goldstein of the outlet's events (− conflict / + cooperation)",
    },
    y: { domain: [...framing.actors], label: null },
    r: { range: [3, 12] },
    marks: [
      Plot.ruleX([0], { stroke: "#777" }),
      Plot.dot(framing.dots, {
        x: "mean",
        y: "actor",
        r: "events",
        fill: (d: FramingDot) => goldsteinColour(d.mean),
        fillOpacity: 0.75,
        stroke: "#fff",
      }),
      Plot.tip(
        framing.dots,
        Plot.pointer({
          x: "mean",
          y: "actor",
          title: (d: FramingDot) =>
            `${d.outlet}\n${d.actor}: mean ${formatGoldstein(d.mean)} over ${formatCount(d.events)} events`,
        }),
      ),
    ],
  };
}
