import * as Plot from "@observablehq/plot";
import { formatSeriesPeriod, seriesPeriodDates } from "../../../src/core/calendar.ts";
import { GOLDSTEIN_MAX, GOLDSTEIN_MIN } from "../../../src/core/goldstein.ts";
import { QUAD_CLASSES } from "../../../src/core/quad-class.ts";
import type { QuadClass } from "../../../src/core/quad-class.ts";
import type { DyadItem, EpisodeItem } from "../api.ts";
import { formatCount, formatGoldstein } from "../lib/format.ts";
import { QUAD_COLOURS, QUAD_LABELS } from "../lib/quad-style.ts";

/**
 * The Dyads view's series as data and as Observable Plot specs: pure
 * functions of the API's rows, so that they are tested (and drawn into an
 * SVG snapshot) without a browser. The view adds the clicks and the keys.
 */

export const COOPERATION_COLOUR = "#0868ac";
export const CONFLICT_COLOUR = "#d7191c";
/** Directions, when the series is directed: `a` on `b`, then `b` on `a`. */
export const DIRECTION_COLOURS = ["#1f5fa8", "#e08214"] as const;
export const EPISODE_FILL = "#f2b134";

/** The share of a period left empty at each end of its bars. */
const PERIOD_GAP = 0.08;

export type Measure = "mean" | "sum";

/** Two states (codes sorted) and their events over the whole series. */
export interface Pair {
  /** `a-b`, as the URL names the pair. */
  readonly key: string;
  readonly a: string;
  readonly b: string;
  readonly events: number;
}

/** One bar: a row of the series placed in time; in a directed series each direction takes half the period. */
export interface Bar {
  readonly row: DyadItem;
  readonly x1: Date;
  readonly x2: Date;
  /** 0 for `a` on `b` (or undirected), 1 for `b` on `a`. */
  readonly direction: 0 | 1;
  readonly value: number;
}

/** A period with events, for picking and for the tip: all its rows together. */
export interface Slot {
  readonly period: string;
  readonly x1: Date;
  readonly x2: Date;
  readonly events: number;
  readonly goldstein: number;
  readonly text: string;
}

/** An episode placed in time: from the start of its first period to the end of its repair period. */
export interface EpisodeBand {
  readonly episode: EpisodeItem;
  readonly x1: Date;
  readonly x2: Date;
  /** The middle of the trough period, where a dashed rule marks it. */
  readonly trough: Date;
}

/** Everything both panels draw, for one pair. */
export interface DyadChartInput {
  readonly bars: readonly Bar[];
  readonly slots: readonly Slot[];
  readonly bands: readonly EpisodeBand[];
  readonly domain: readonly [Date, Date];
  /** The chosen period, outlined; null for none. */
  readonly selected: string | null;
  readonly directed: boolean;
  readonly measure: Measure;
}

/** Every pair in the series (sorted codes), most events first. */
export function pairsOf(rows: readonly DyadItem[]): Pair[] {
  const totals = new Map<string, Pair>();
  for (const row of rows) {
    const [a, b] = row.a < row.b ? [row.a, row.b] : [row.b, row.a];
    const key = `${a}-${b}`;
    const known = totals.get(key);
    totals.set(key, { key, a, b, events: (known?.events ?? 0) + row.events });
  }
  return [...totals.values()].sort((x, y) => y.events - x.events || x.key.localeCompare(y.key));
}

/** The rows of one pair (either direction), oldest period first, `a` on `b` before `b` on `a`. */
export function pairRowsOf(rows: readonly DyadItem[], pair: Pair): DyadItem[] {
  const start = (row: DyadItem) => seriesPeriodDates(row.period)[0].getTime();
  return rows
    .filter((r) => (r.a === pair.a && r.b === pair.b) || (r.a === pair.b && r.b === pair.a))
    .sort((x, y) => start(x) - start(y) || (x.a < y.a ? -1 : 1));
}

export function barsOf(rows: readonly DyadItem[], pair: Pair, directed: boolean, measure: Measure): Bar[] {
  return rows.map((row) => {
    const [start, end] = seriesPeriodDates(row.period);
    const direction: 0 | 1 = directed && row.a !== pair.a ? 1 : 0;
    // A gap at each end of the period, so that bars of neighbouring periods do not read as a pair.
    const gap = (end.getTime() - start.getTime()) * PERIOD_GAP;
    const [from, to] = [new Date(start.getTime() + gap), new Date(end.getTime() - gap)];
    const middle = new Date((start.getTime() + end.getTime()) / 2);
    const [x1, x2] = !directed ? [from, to] : direction === 0 ? [from, middle] : [middle, to];
    return { row, x1, x2, direction, value: measure === "sum" ? row.goldstein : row.goldsteinMean };
  });
}

/** The periods with events, oldest first, each with the text of its tip. */
export function slotsOf(rows: readonly DyadItem[]): Slot[] {
  const byPeriod = new Map<string, DyadItem[]>();
  for (const row of rows) byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), row]);
  return [...byPeriod.entries()]
    .map(([period, list]) => {
      const [x1, x2] = seriesPeriodDates(period);
      const events = list.reduce((n, r) => n + r.events, 0);
      const goldstein = list.reduce((n, r) => n + r.goldstein, 0);
      const text = [
        formatSeriesPeriod(period),
        `${formatCount(events)} ${events === 1 ? "event" : "events"} · mean ${formatGoldstein(goldstein / events)} · sum ${formatGoldstein(goldstein)}`,
        ...QUAD_CLASSES.map((q) => `${QUAD_LABELS[q]}: ${formatCount(list.reduce((n, r) => n + r[q], 0))}`),
        "Click to list the events",
      ].join("\n");
      return { period, x1, x2, events, goldstein, text };
    })
    .sort((x, y) => x.x1.getTime() - y.x1.getTime());
}

export function episodeBand(episode: EpisodeItem): EpisodeBand {
  const [x1] = seriesPeriodDates(episode.start);
  const [, x2] = seriesPeriodDates(episode.end);
  const [t1, t2] = seriesPeriodDates(episode.trough);
  return { episode, x1, x2, trough: new Date((t1.getTime() + t2.getTime()) / 2) };
}

/**
 * What the two panels draw for a pair's rows and episodes, or null when the
 * pair has no rows. The time axis spans the periods and the episodes, with
 * 1 % to spare at each end.
 */
export function dyadChartInput(
  rows: readonly DyadItem[],
  episodes: readonly EpisodeItem[],
  options: { pair: Pair; directed: boolean; measure: Measure; selected: string | null },
): DyadChartInput | null {
  const slots = slotsOf(rows);
  const first = slots[0];
  const last = slots.at(-1);
  if (!first || !last) return null;
  const bands = episodes.map(episodeBand);
  const lo = Math.min(first.x1.getTime(), ...bands.map((b) => b.x1.getTime()));
  const hi = Math.max(last.x2.getTime(), ...bands.map((b) => b.x2.getTime()));
  const pad = (hi - lo) * 0.01;
  return {
    bars: barsOf(rows, options.pair, options.directed, options.measure),
    slots,
    bands,
    domain: [new Date(lo - pad), new Date(hi + pad)],
    selected: options.selected,
    directed: options.directed,
    measure: options.measure,
  };
}

function episodeTitle({ episode: e }: EpisodeBand): string {
  return `Episode ${formatSeriesPeriod(e.start)} – ${formatSeriesPeriod(e.end)}, trough ${formatSeriesPeriod(e.trough)}`;
}

function episodeLabel({ episode: e }: EpisodeBand): string {
  return `Episode: ${formatSeriesPeriod(e.start)} → trough ${formatSeriesPeriod(e.trough)} (${formatGoldstein(e.troughGoldstein)}) → repair ${formatSeriesPeriod(e.end)} (${formatGoldstein(e.repairGoldstein)})`;
}

/** The marks both panels share: episode bands behind, the selected period outlined, the pointer's tip. */
function sharedMarks(input: DyadChartInput, y: readonly [number, number]) {
  const selected = input.slots.filter((s) => s.period === input.selected);
  return {
    behind: [
      Plot.rect(input.bands, {
        x1: "x1",
        x2: "x2",
        y1: y[0],
        y2: y[1],
        fill: EPISODE_FILL,
        fillOpacity: 0.22,
        className: "episode",
        title: episodeTitle,
      }),
      Plot.ruleX(input.bands, {
        x: "trough",
        stroke: "#a86b00",
        strokeDasharray: "4,3",
        className: "trough",
      }),
    ],
    front: [
      Plot.rect(selected, {
        x1: "x1",
        x2: "x2",
        y1: y[0],
        y2: y[1],
        fill: "none",
        stroke: "#111",
        strokeWidth: 1.5,
        className: "selected-period",
      }),
      Plot.tip(
        input.slots,
        Plot.pointerX({
          x1: "x1",
          x2: "x2",
          y: y[1],
          title: "text",
          anchor: "top-left",
          fontSize: 12,
          lineWidth: 40,
        }),
      ),
    ],
  };
}

/** The Goldstein panel's y range: the whole scale for means, the data (at least ±1) for sums. */
export function goldsteinDomain(input: DyadChartInput): [number, number] {
  if (input.measure === "mean") return [GOLDSTEIN_MIN, GOLDSTEIN_MAX];
  const values = input.bars.map((b) => b.value);
  return [Math.min(-1, ...values) * 1.1, Math.max(1, ...values) * 1.1];
}

/** The colour of a Goldstein bar: its direction in a directed series, else its sign. */
export function barColour(bar: Bar, directed: boolean): string {
  if (directed) return DIRECTION_COLOURS[bar.direction];
  return bar.value >= 0 ? COOPERATION_COLOUR : CONFLICT_COLOUR;
}

/** The upper panel: Goldstein mean (or sum) per period, episodes shaded and labelled. */
export function goldsteinPlot(input: DyadChartInput, width: number): Plot.PlotOptions {
  const y = goldsteinDomain(input);
  const { behind, front } = sharedMarks(input, y);
  return {
    width,
    height: 280,
    marginLeft: 52,
    marginTop: 26,
    x: { type: "utc", domain: [...input.domain], label: null },
    y: {
      domain: y,
      grid: true,
      label: input.measure === "mean" ? "Goldstein mean (− conflict / + cooperation)" : "Goldstein sum",
    },
    marks: [
      ...behind,
      Plot.text(input.bands, {
        x: "x1",
        y: y[1],
        text: episodeLabel,
        textAnchor: "start",
        lineAnchor: "bottom",
        dy: -4,
        dx: 2,
        fontSize: 11,
        fill: "#7a4d00",
        className: "episode-label",
      }),
      Plot.ruleY([0], { stroke: "#777" }),
      Plot.rect(input.bars, {
        x1: "x1",
        x2: "x2",
        y1: 0,
        y2: "value",
        insetLeft: 0.5,
        insetRight: 0.5,
        fill: (b: Bar) => barColour(b, input.directed),
        className: "goldstein-bars",
      }),
      ...front,
    ],
  };
}

/** One quad class's part of a stacked bar. */
export interface QuadPiece {
  readonly x1: Date;
  readonly x2: Date;
  readonly y1: number;
  readonly y2: number;
  readonly quad: QuadClass;
}

/** The bars stacked by hand, in the order of `QUAD_CLASSES`; empty parts left out. */
export function quadPieces(bars: readonly Bar[]): QuadPiece[] {
  return bars.flatMap((bar) => {
    let base = 0;
    return QUAD_CLASSES.map((quad) => {
      const y1 = base;
      base += bar.row[quad];
      return { x1: bar.x1, x2: bar.x2, y1, y2: base, quad };
    }).filter((p) => p.y2 > p.y1);
  });
}

/** The lower panel: events per period stacked by quad class. */
export function quadPlot(input: DyadChartInput, width: number): Plot.PlotOptions {
  const top = Math.max(1, ...input.bars.map((b) => b.row.events));
  const y: [number, number] = [0, top * 1.08];
  const { behind, front } = sharedMarks(input, y);
  return {
    width,
    height: 170,
    marginLeft: 52,
    x: { type: "utc", domain: [...input.domain], label: null },
    y: { domain: y, grid: true, label: "events by quad class" },
    color: { domain: [...QUAD_CLASSES], range: QUAD_CLASSES.map((q) => QUAD_COLOURS[q]) },
    marks: [
      ...behind,
      Plot.rect(quadPieces(input.bars), {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: "quad",
        insetLeft: 0.5,
        insetRight: 0.5,
        className: "quad-bars",
      }),
      ...front,
    ],
  };
}
