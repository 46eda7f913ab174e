import type { RefObject } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { ChartExport } from "./export-buttons.tsx";

/**
 * The content width of an element, kept current as the window resizes. Read
 * before the browser paints, so that what depends on it is drawn in the same
 * frame as the element (not one blank frame later).
 */
export function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    setWidth(Math.floor(element.clientWidth));
    const observer = new ResizeObserver(() => {
      setWidth(Math.floor(element.clientWidth));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return width;
}

/**
 * A chart drawn by a function of the available width (an Observable Plot
 * figure, usually), with buttons that save it as PNG or SVG. `build` should be memoised by the caller: a new function
 * redraws the chart.
 */
export function Figure({
  build,
  label,
  class: className,
}: {
  build: (width: number) => Element;
  label: string;
  class?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  useLayoutEffect(() => {
    const host = ref.current;
    if (!host || width === 0) return undefined;
    const chart = build(width);
    // The figure's label speaks for the chart: Plot's labels of its marks ("bar", "rule") would be noise.
    chart.setAttribute("aria-hidden", "true");
    host.replaceChildren(chart);
    return () => {
      chart.remove();
    };
  }, [build, width]);
  return (
    <div class={`figure ${className ?? ""}`} role="figure" aria-label={label}>
      <div ref={ref} class="figure-chart" />
      <ChartExport host={ref} name={label} />
    </div>
  );
}
