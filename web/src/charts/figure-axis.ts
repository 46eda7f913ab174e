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
}

const COMPACT = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 2 });
const FIGURE_COLOUR = "#1f5fa8";

export function figureRowsOf(cluster: ClaimClusterItem): FigureRow[] {
  return cluster.claims.map((claim, i) => ({
    claim,
    label: `${i + 1}. ${claim.outlet ?? "Unknown outlet"}, ${formatDate(claim.published)}`,
    text: formatFigure(claim.value, claim.valueMax, cluster.unit, claim.qualifier),
    hollow: claim.qualifier !== "exact",
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
          stroke: FIGURE_COLOUR,
          strokeWidth: 7,
          strokeOpacity: 0.45,
        },
      ),
      Plot.dot(rows, {
        x: (r: FigureRow) => r.claim.value,
        y: "label",
        r: 6,
        stroke: FIGURE_COLOUR,
        strokeWidth: 2,
        fill: (r: FigureRow) => (r.hollow ? "white" : FIGURE_COLOUR),
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
