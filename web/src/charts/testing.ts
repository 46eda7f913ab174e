import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/**
 * Draws a Plot spec as Observable Plot's own tests do, into a DOM of its own
 * (linkedom; no browser), and returns the figure's markup for a snapshot.
 * The time zone is pinned by the test configuration (TZ=UTC), so that time
 * axes print the same anywhere.
 */
export function renderPlot(options: Plot.PlotOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  return Plot.plot({ ...options, document }).outerHTML;
}

/** The widths and heights of the rects in a figure's markup that are negative (which browsers refuse, logging an error). */
export function negativeRects(svg: string): string[] {
  return [...svg.matchAll(/<rect\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((rect) => /\b(?:width|height)="-/.test(rect));
}
