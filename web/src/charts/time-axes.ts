import type { ScaleLinear, ScaleTime } from "d3-scale";

const SVG_NS = "http://www.w3.org/2000/svg";
const TICK = 6;

export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export interface TimeAxesOptions {
  readonly width: number;
  readonly height: number;
  readonly margin: Margins;
  readonly x: ScaleTime<number, number>;
  readonly y: ScaleLinear<number, number>;
  /** Said above the y axis, after an arrow. */
  readonly yLabel: string;
  /** A stronger line across at this y value. */
  readonly rule: number;
  /** The document to draw in: the page's, or one of the tests' own. */
  readonly document?: Document;
}

/** An SVG element with its attributes (and text), made by `doc`. */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Readonly<Record<string, string | number>>,
  text?: string,
  doc: Document = document,
): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The frame of a chart of values over time, as Observable Plot draws one
 * (ticks every ~80 px of time, a grid across at the y ticks, the y label at
 * the top): what the timeline needs around the dots it draws on a canvas,
 * without loading Plot, which is most of what a view would otherwise parse.
 */
export function timeAxes(options: TimeAxesOptions): SVGSVGElement {
  const { width, height, margin, x, y, yLabel, rule, document: doc = document } = options;
  const element = <K extends keyof SVGElementTagNameMap>(
    name: K,
    attributes: Readonly<Record<string, string | number>>,
    text?: string,
  ) => svgElement(name, attributes, text, doc);
  const svg = element("svg", {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    class: "time-axes",
    "font-family": "system-ui, sans-serif",
    "font-size": 10,
  });
  const [left, right] = [margin.left, width - margin.right];
  const bottom = height - margin.bottom;
  const grid = element("g", { "aria-hidden": "true", stroke: "currentColor", "stroke-opacity": 0.1 });
  const yTicks = element("g", {
    "aria-label": "y-axis tick labels",
    "text-anchor": "end",
    fill: "currentColor",
  });
  for (const value of y.ticks()) {
    const at = y(value);
    grid.append(element("line", { x1: left, x2: right, y1: at, y2: at }));
    yTicks.append(element("text", { x: left - TICK - 3, y: at, dy: "0.32em" }, y.tickFormat()(value)));
  }
  const xTicks = element("g", {
    "aria-label": "x-axis tick labels",
    "text-anchor": "middle",
    fill: "currentColor",
  });
  const xMarks = element("g", { "aria-hidden": "true", stroke: "currentColor" });
  const format = x.tickFormat();
  for (const value of x.ticks(Math.max(2, Math.round((right - left) / 80)))) {
    const at = x(value);
    xMarks.append(element("line", { x1: at, x2: at, y1: bottom, y2: bottom + TICK }));
    xTicks.append(element("text", { x: at, y: bottom + TICK + 3, dy: "0.71em" }, format(value)));
  }
  const zero = y(rule);
  svg.append(
    grid,
    element("line", { x1: left, x2: right, y1: zero, y2: zero, stroke: "#999" }),
    yTicks,
    xMarks,
    xTicks,
    element("text", { x: 3, y: margin.top - 10, dy: "0.71em", fill: "currentColor" }, `↑ ${yLabel}`),
  );
  return svg;
}
