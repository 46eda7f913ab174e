import * as Plot from "@observablehq/plot";
import type { ClaimClusterItem } from "../api.ts";
import { formatDate, formatFigure } from "../lib/format.ts";

/**
 * The Compare view's figures of one cluster on one axis: a dot per value
 * (hollow when approximate), a bar per range, each row named by its outlet
 * and date. Data and Plot spec, pure.
 */

type Claim = ClaimClusterItem["claims"][number];

export interface FigureRow {
  readonly claim: Claim;
  /** `1. Outlet, 3 May 2024`: the row's name on the y axis. */
  readonly label: string;
  /** The figure as written beside its dot. */
  readonly text: string;
  readonly hollow: boolean;
  /** For a conflict, which side of the disagreement the figure is on (0 the lowest); else null. */
  readonly side: number | null;
}

const COMPACT = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 2 });
const FIGURE_COLOUR = "#1f5fa8";
/** One colour a side of a disagreement, lowest side first (each at least 4.5:1 on white). */
export const SIDE_COLOURS: readonly string[] = ["#1f5fa8", "#b3261e", "#7a5300", "#6b3fa0", "#1b6b5f"];

export function sideColour(side: number | null): string {
  return side === null ? FIGURE_COLOUR : (SIDE_COLOURS[side % SIDE_COLOURS.length] ?? FIGURE_COLOUR);
}

/** The same sides on the dark palette's paper (`--paper` #1a222d), each at least 4.5:1 there. */
export const DARK_SIDE_COLOURS: readonly string[] = ["#8ab8f0", "#ff9d94", "#e8c37a", "#c9a7f0", "#6fd1bf"];

/**
 * A side's colours for a card, as custom properties the stylesheet picks
 * from by palette: `--side` on light paper, `--side-dark` on dark.
 */
export function sideStyle(side: number): string {
  const dark = DARK_SIDE_COLOURS[side % DARK_SIDE_COLOURS.length] ?? DARK_SIDE_COLOURS[0] ?? "";
  return `--side: ${sideColour(side)}; --side-dark: ${dark}`;
}

export function figureRowsOf(cluster: ClaimClusterItem): FigureRow[] {
  const sideOf = new Map<number, number>();
  cluster.disagreement?.sides.forEach((side, s) => {
    for (const i of side.claims) sideOf.set(i, s);
  });
  return cluster.claims.map((claim, i) => ({
    claim,
    label: `${i + 1}. ${claim.outlet ?? "Unknown outlet"}, ${formatDate(claim.published)}`,
    text: formatFigure(claim.value, claim.valueMax, cluster.unit, claim.qualifier),
    hollow: claim.qualifier !== "exact",
    side: sideOf.get(i) ?? null,
  }));
}

export function figureAxisPlot(rows: readonly FigureRow[], unit: string, width: number): Plot.PlotOptions {
  return {
    width,
    height: 46 + rows.length * 30,
    marginLeft: Math.min(260, width * 0.35),
    marginRight: 110,
    x: {
      zero: true,
      nice: true,
      grid: true,
      label: unit,
      tickFormat: (v: number) => COMPACT.format(v),
    },
    y: { domain: rows.map((r) => r.label), label: null },
    marks: [
      Plot.ruleY(
        rows.filter((r) => r.claim.valueMax !== null),
        {
          y: "label",
          x1: (r: FigureRow) => r.claim.value,
          x2: (r: FigureRow) => r.claim.valueMax,
          stroke: (r: FigureRow) => sideColour(r.side),
          strokeWidth: 7,
          strokeOpacity: 0.45,
        },
      ),
      Plot.dot(rows, {
        x: (r: FigureRow) => r.claim.value,
        y: "label",
        r: 6,
        stroke: (r: FigureRow) => sideColour(r.side),
        strokeWidth: 2,
        fill: (r: FigureRow) => (r.hollow ? "white" : sideColour(r.side)),
      }),
      Plot.text(rows, {
        x: (r: FigureRow) => r.claim.valueMax ?? r.claim.value,
        y: "label",
        text: "text",
        dx: 12,
        textAnchor: "start",
        fontSize: 12,
      }),
    ],
  };
}
