import * as Plot from "@observablehq/plot";
import { cameoName } from "../lib/cameo-names.ts";
import { quadColour } from "../lib/quad-style.ts";

/**
 * The Overview's bars of events per CAMEO root, as an Observable Plot spec.
 * The roots' names take the left margin, up to `LABEL_MARGIN` pixels but
 * never more than `LABEL_SHARE` of the width: on a phone the bars keep room
 * and long names are cut with an ellipsis (a margin wider than the chart
 * gave bars of negative width, which browsers refuse).
 */

const LABEL_MARGIN = 230;
const LABEL_SHARE = 0.45;
/** Roughly the width of a character of the axis' 10-pixel font. */
const CHAR_WIDTH = 6;
const MARGIN_RIGHT = 20;
/** Narrower than this, the chart is drawn at this width and scaled down by the page. */
const MIN_WIDTH = 240;

export interface RootCount {
  readonly root: string;
  readonly events: number;
}

interface RootBar {
  readonly root: string;
  readonly n: number;
  readonly label: string;
}

/** `label` cut to `chars` characters, the last an ellipsis. */
export function clip(label: string, chars: number): string {
  return label.length <= chars ? label : `${label.slice(0, Math.max(1, chars - 1))}…`;
}

export function rootCountsPlot(byRoot: readonly RootCount[], width: number): Plot.PlotOptions {
  const drawn = Math.max(MIN_WIDTH, width);
  const marginLeft = Math.min(LABEL_MARGIN, Math.round(drawn * LABEL_SHARE));
  const chars = Math.floor((marginLeft - 10) / CHAR_WIDTH);
  const bars: RootBar[] = byRoot.map(({ root, events }) => ({
    root,
    n: events,
    label: `${root} ${cameoName(root)}`,
  }));
  return {
    width: drawn,
    height: Math.max(120, bars.length * 22 + 40),
    marginLeft,
    marginRight: MARGIN_RIGHT,
    x: { label: "events", grid: true },
    y: {
      label: null,
      domain: bars.map((b) => b.label).sort(),
      tickFormat: (label: string) => clip(label, chars),
    },
    marks: [
      Plot.barX(bars, {
        x: "n",
        y: "label",
        fill: (d: RootBar) => quadColour(d.root),
        tip: true,
      }),
      Plot.ruleX([0]),
    ],
  };
}
