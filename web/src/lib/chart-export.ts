/**
 * A chart as a file: the SVG the page draws, made to stand alone (the
 * stylesheet's colours written onto each element, the page's background
 * behind it, canvas layers such as the timeline's dots embedded as images),
 * and a PNG drawn from that SVG. These read the live page, so the e2e tests
 * check them in a real browser.
 */

const SVG_NS = "http://www.w3.org/2000/svg";

/** The properties a chart's look depends on that a stylesheet may set. */
const STYLED = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "stroke-linecap",
  "opacity",
  "paint-order",
  "font-family",
  "font-size",
  "font-weight",
  "visibility",
] as const;

/** The chart's size in its own units: its viewBox, else its width and height on the page. */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: Math.round(rect.width), height: Math.round(rect.height) };
}

/** The first colour behind `element` that is not transparent, from it up to the page. */
function backgroundOf(element: Element): string {
  for (let at: Element | null = element; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== "transparent" && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return "#ffffff";
}

/** The chart in `host`: its outermost SVG. */
export function chartSvgOf(host: Element): SVGSVGElement | null {
  return host.querySelector("svg");
}

/**
 * The chart in `host` as the text of a standalone SVG file, as it looks on
 * the page now.
 * @throws Error when `host` holds no SVG chart.
 */
export function standaloneSvg(host: Element): { text: string; width: number; height: number } {
  const svg = chartSvgOf(host);
  if (!svg) throw new Error("there is no chart here to save");
  const { width, height } = sizeOf(svg);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll("*")];
  const copied: SVGElement[] = [copy, ...copy.querySelectorAll<SVGElement>("*")];
  live.forEach((element, i) => {
    const target = copied[i];
    if (!target) return;
    const style = getComputedStyle(element);
    for (const property of STYLED) target.style.setProperty(property, style.getPropertyValue(property));
    // `currentColor` resolves against the page's text colour, which the file has not got.
    target.style.setProperty("color", style.color);
  });
  copy.setAttribute("xmlns", SVG_NS);
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  copy.removeAttribute("aria-hidden");
  if (!copy.getAttribute("viewBox")) copy.setAttribute("viewBox", `0 0 ${width} ${height}`);

  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", backgroundOf(host));
  copy.insertBefore(background, copy.firstChild);

  // Layers drawn on canvases over the chart (the timeline's dots) go in as images where they sit.
  const frame = svg.getBoundingClientRect();
  const scale = frame.width > 0 ? width / frame.width : 1;
  for (const canvas of host.querySelectorAll("canvas")) {
    const at = canvas.getBoundingClientRect();
    const image = document.createElementNS(SVG_NS, "image");
    image.setAttribute("href", canvas.toDataURL("image/png"));
    image.setAttribute("x", String((at.left - frame.left) * scale));
    image.setAttribute("y", String((at.top - frame.top) * scale));
    image.setAttribute("width", String(at.width * scale));
    image.setAttribute("height", String(at.height * scale));
    copy.appendChild(image);
  }
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

/** The SVG text drawn as a PNG at `scale` times its size (2: sharp on high-density screens and in print). */
export async function svgToPng(
  svg: { text: string; width: number; height: number },
  scale = 2,
): Promise<Blob> {
  const image = new Image();
  // A data: address: the page's policy allows images from data:, not from blob:.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(svg.width * scale);
  canvas.height = Math.round(svg.height * scale);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("this browser cannot draw a PNG");
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error("the PNG could not be made"));
    }, "image/png");
  });
}
