import type { ScaleTime } from "d3-scale";
import { QUAD_CLASSES } from "../../../src/core/quad-class.ts";
import { useCallback, useEffect, useMemo, useRef } from "preact/hooks";
import type { ActorItem } from "../api.ts";
import { MAX_PAGE } from "../../../src/core/limits.ts";
import { EventTable } from "../components/event-table.tsx";
import { ParamSelect } from "../components/param-select.tsx";
import { Figure } from "../components/figure.tsx";
import { svgElement, timeAxes } from "../charts/time-axes.ts";
import {
  DAY,
  TIMELINE_HEIGHT,
  TIMELINE_MARGIN,
  dotsOf,
  extentOf,
  formatZoom,
  inDomain,
  nearest,
  parseZoom,
  place,
  shift,
  timelineScales,
  zoomAround,
} from "../charts/timeline-dots.ts";
import type { Domain, Dot, Placed } from "../charts/timeline-dots.ts";
import { Empty, Loaded } from "../components/states.tsx";
import { both, useActors, useEvents } from "../data.ts";
import { createNamer } from "../lib/actors.ts";
import { CAMEO_ROOT_NAMES, cameoName } from "../lib/cameo-names.ts";
import { QUAD_COLOURS, QUAD_LABELS } from "../lib/quad-style.ts";
import { formatCount, formatDate, formatGoldstein, isoDay } from "../lib/format.ts";
import { href, navigate, withParams } from "../router.ts";
import type { Place } from "../router.ts";
import { TimeScopeControl } from "../components/time-scope.tsx";
import { isScoped, scopeOf, scopeQuery } from "../lib/time-scope.ts";

const DOT_RADIUS = 3.5;

function Chart({
  dots,
  domain,
  onZoom,
  name,
}: {
  dots: readonly Dot[];
  domain: Domain;
  onZoom: (domain: Domain) => void;
  name: (key: string) => string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const build = useCallback(
    (width: number) => {
      const visible = inDomain(dots, domain);
      const { x, y } = timelineScales(domain, width);
      // An SVG frame with the axes and the grid; the dots, ten thousand of them, go on a canvas.
      const chart = timeAxes({
        width,
        height: TIMELINE_HEIGHT,
        margin: TIMELINE_MARGIN,
        x,
        y,
        yLabel: "Goldstein (conflict − / cooperation +)",
        rule: 0,
      });
      const placed = place(visible, x, y);
      const picked = attachPointer(chart, placed, width, name);
      attachInteractions(chart, width, x, domain, onZoom, picked);
      return withDots(chart, placed, width, TIMELINE_HEIGHT);
    },
    [dots, domain, onZoom, name],
  );
  useEffect(() => {
    const element = host.current;
    if (!element) return undefined;
    const onKey = (event: KeyboardEvent) => {
      const centre = (domain[0].getTime() + domain[1].getTime()) / 2;
      const moves: Record<string, () => Domain> = {
        ArrowLeft: () => shift(domain, -0.2),
        ArrowRight: () => shift(domain, 0.2),
        "+": () => zoomAround(domain, centre, 0.5),
        "=": () => zoomAround(domain, centre, 0.5),
        "-": () => zoomAround(domain, centre, 2),
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        onZoom(move());
      }
    };
    element.addEventListener("keydown", onKey);
    return () => {
      element.removeEventListener("keydown", onKey);
    };
  }, [domain, onZoom]);
  return (
    <div
      ref={host}
      class="chart-host"
      tabIndex={0}
      aria-label="Timeline chart: drag to zoom into a period, scroll to zoom, arrow keys to pan, + and − to zoom; click a dot to read its source"
    >
      <Figure build={build} label="Events over time by Goldstein value, coloured by quad class" />
    </div>
  );
}

/**
 * The chart with its dots drawn on a canvas over it: one element for up to
 * 10,000 dots, where an SVG circle each made the browser lay out and paint
 * thousands of elements. The canvas lets the pointer through to the chart.
 */
function withDots(chart: Element, { dots, x, y }: Placed, width: number, height: number): HTMLElement {
  const canvas = document.createElement("canvas");
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.dataset.dots = String(dots.length);
  canvas.setAttribute("aria-hidden", "true");
  const context = canvas.getContext("2d");
  if (context) {
    context.scale(ratio, ratio);
    context.lineWidth = 0.5;
    context.strokeStyle = "white";
    QUAD_CLASSES.forEach((quad) => {
      context.beginPath();
      dots.forEach((dot, i) => {
        if (dot.quad !== quad) return;
        const cx = x[i] ?? 0;
        const cy = y[i] ?? 0;
        context.moveTo(cx + DOT_RADIUS, cy);
        context.arc(cx, cy, DOT_RADIUS, 0, 2 * Math.PI);
      });
      context.globalAlpha = 0.8;
      context.fillStyle = QUAD_COLOURS[quad];
      context.fill();
      context.globalAlpha = 1;
      context.stroke();
    });
  }
  const layer = document.createElement("div");
  layer.className = "dot-layer";
  layer.append(chart, canvas);
  return layer;
}

/**
 * Rings the dot nearest the pointer and says in a tooltip what it is: who
 * did what to whom, when (text only). Returns the ringed dot, for clicks.
 */
function attachPointer(
  chart: Element,
  placed: Placed,
  width: number,
  name: (key: string) => string,
): () => Dot | null {
  const ring = svgElement("circle", { r: 6, fill: "none", stroke: "#111", "stroke-width": 1.5 });
  const tip = document.createElement("div");
  tip.className = "chart-tip";
  let current = -1;
  const hide = () => {
    current = -1;
    ring.remove();
    tip.remove();
  };
  chart.addEventListener("pointermove", (event) => {
    const e = event as PointerEvent;
    const box = chart.getBoundingClientRect();
    // The SVG shrinks with the page (max-width: 100%); the dots are placed in its own pixels.
    const scale = width / Math.max(1, box.width);
    const i = nearest(placed, (e.clientX - box.left) * scale, (e.clientY - box.top) * scale);
    const dot = placed.dots[i];
    const host = chart.parentElement;
    if (!dot || !host) {
      hide();
      return;
    }
    if (i === current) return;
    current = i;
    const [cx, cy] = [placed.x[i] ?? 0, placed.y[i] ?? 0];
    ring.setAttribute("cx", String(cx));
    ring.setAttribute("cy", String(cy));
    chart.append(ring);
    const line = (text: string, strong = false) => {
      const part = document.createElement(strong ? "strong" : "span");
      part.textContent = text;
      return part;
    };
    const { event: item } = dot;
    tip.replaceChildren(
      line(`${name(item.source)} → ${item.target === null ? "—" : name(item.target)}`, true),
      line(`${item.cameo} ${cameoName(item.cameo)}`),
      line(`${formatDate(item.date)} · Goldstein ${formatGoldstein(item.goldstein)}`),
      line("Click to read the source"),
    );
    host.append(tip);
    tip.style.left = `${Math.max(0, Math.min(cx / scale + 12, host.clientWidth - 260))}px`;
    tip.style.top = `${cy / scale + 12}px`;
  });
  chart.addEventListener("pointerleave", hide);
  return () => placed.dots[current] ?? null;
}

/**
 * Drag to zoom into a range, wheel to zoom around the pointer, click a dot
 * (the one the pointer has ringed) to open its sentence in the reader.
 */
function attachInteractions(
  chart: Element,
  width: number,
  x: ScaleTime<number, number>,
  domain: Domain,
  onZoom: (d: Domain) => void,
  picked: () => Dot | null,
): void {
  const toTime = (clientX: number): number => {
    const box = chart.getBoundingClientRect();
    return x.invert(((clientX - box.left) * width) / Math.max(1, box.width)).getTime();
  };
  let down: { clientX: number; band: HTMLDivElement } | null = null;
  chart.addEventListener("pointerdown", (event) => {
    const e = event as PointerEvent;
    if (e.button !== 0) return;
    const band = document.createElement("div");
    band.className = "brush";
    chart.parentElement?.appendChild(band);
    down = { clientX: e.clientX, band };
  });
  chart.addEventListener("pointermove", (event) => {
    if (!down) return;
    const e = event as PointerEvent;
    const box = chart.getBoundingClientRect();
    const hostBox = chart.parentElement?.getBoundingClientRect() ?? box;
    const left = Math.min(down.clientX, e.clientX) - hostBox.left;
    down.band.style.left = `${left}px`;
    down.band.style.width = `${Math.abs(e.clientX - down.clientX)}px`;
    down.band.style.top = `${box.top - hostBox.top}px`;
    down.band.style.height = `${box.height}px`;
  });
  const finish = (event: Event) => {
    if (!down) return;
    const e = event as PointerEvent;
    const start = down.clientX;
    down.band.remove();
    down = null;
    if (event.type !== "pointerup") return;
    if (Math.abs(e.clientX - start) > 6) {
      const [a, b] = [toTime(start), toTime(e.clientX)].sort((p, q) => p - q) as [number, number];
      onZoom([new Date(a), new Date(Math.max(b, a + DAY))]);
      return;
    }
    const dot = picked();
    if (dot) navigate(href(`/reader/${dot.event.doc}`, { sel: dot.event.id }));
  };
  chart.addEventListener("pointerup", finish);
  chart.addEventListener("pointerleave", finish);
  chart.addEventListener(
    "wheel",
    (event) => {
      const e = event as WheelEvent;
      e.preventDefault();
      onZoom(zoomAround(domain, toTime(e.clientX), e.deltaY > 0 ? 1.25 : 0.8));
    },
    { passive: false },
  );
}

function Legend() {
  return (
    <ul class="legend" aria-label="Colours">
      {QUAD_CLASSES.map((quad) => (
        <li key={quad}>
          <span class="swatch" style={{ background: QUAD_COLOURS[quad] }} aria-hidden="true" />
          {QUAD_LABELS[quad]}
        </li>
      ))}
    </ul>
  );
}

function Filters({ place, actors }: { place: Place; actors: readonly ActorItem[] }) {
  const withEvents = actors.filter((a) => a.events > 0).sort((a, b) => b.events - a.events);
  return (
    <form
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
      }}
      aria-label="Filter events"
    >
      <ParamSelect
        place={place}
        param="actor"
        label="Actor"
        any="All actors"
        options={withEvents.map((a) => ({ value: a.id, label: `${a.name} (${a.events})` }))}
        resets={["zoom"]}
        testId="timeline-actor"
      />
      <ParamSelect
        place={place}
        param="root"
        label="Kind of event"
        any="All CAMEO roots"
        options={CAMEO_ROOT_NAMES.map((r) => ({ value: r.root, label: `${r.root} ${r.name}` }))}
        resets={["zoom"]}
        testId="timeline-root"
      />
    </form>
  );
}

export function TimelineView({ place }: { place: Place }) {
  const actor = place.params.get("actor") ?? undefined;
  const root = place.params.get("root") ?? undefined;
  const scope = scopeOf(place.params);
  const data = both(useEvents({ actor, root, ...scopeQuery(scope) }), useActors());
  const zoom = parseZoom(place.params.get("zoom"));
  const page = data.state === "ready" ? data.data[0] : null;
  const actors = data.state === "ready" ? data.data[1].items : null;
  const name = useMemo(() => createNamer(actors ?? []), [actors]);
  const dots = useMemo(() => dotsOf(page?.items ?? []), [page]);
  const full = useMemo(() => (dots.length > 0 ? extentOf(dots) : null), [dots]);
  const domain = zoom ?? full;
  const onZoom = useCallback(
    (next: Domain) => {
      navigate(withParams(place, { zoom: formatZoom(next) }), { replace: true });
    },
    [place],
  );
  const ready = data.state === "ready";
  useEffect(() => {
    if (ready) performance.mark("timeline-ready");
  }, [ready]);
  const inView = domain ? inDomain(dots, domain).map((d) => d.event) : [];
  const undated = page ? page.items.length - dots.length : 0;
  return (
    <section
      data-testid="timeline"
      data-state={data.state}
      data-count={dots.length}
      aria-labelledby="timeline-title"
    >
      <h1 id="timeline-title">Timeline</h1>
      <TimeScopeControl place={place} count={page?.total} />
      {actors ? <Filters place={place} actors={actors} /> : null}
      <Loaded
        resource={data}
        what="events"
        ready={([events]) =>
          dots.length === 0 || !domain ? (
            <Empty>No dated events match these filters{isScoped(scope) ? " in this range" : ""}.</Empty>
          ) : (
            <>
              <div class="toolbar" role="group" aria-label="Zoom">
                <button
                  type="button"
                  onClick={() => {
                    onZoom(shift(domain, -0.25));
                  }}
                  aria-label="Earlier"
                >
                  ←
                </button>
                <button
                  type="button"
                  onClick={() => {
                    onZoom(zoomAround(domain, (domain[0].getTime() + domain[1].getTime()) / 2, 0.5));
                  }}
                >
                  Zoom in
                </button>
                <button
                  type="button"
                  onClick={() => {
                    onZoom(zoomAround(domain, (domain[0].getTime() + domain[1].getTime()) / 2, 2));
                  }}
                >
                  Zoom out
                </button>
                <button
                  type="button"
                  onClick={() => {
                    onZoom(shift(domain, 0.25));
                  }}
                  aria-label="Later"
                >
                  →
                </button>
                <button
                  type="button"
                  disabled={!zoom}
                  onClick={() => {
                    navigate(withParams(place, { zoom: null }), { replace: true });
                  }}
                >
                  Show all
                </button>
                <span class="range">
                  {formatDate(isoDay(domain[0]))} – {formatDate(isoDay(domain[1]))}
                </span>
                <Legend />
              </div>
              <Chart dots={dots} domain={domain} onZoom={onZoom} name={name} />
              <p class="note">
                {formatCount(inView.length)} events in view
                {events.total > events.items.length
                  ? `; the first ${formatCount(MAX_PAGE)} of ${formatCount(events.total)} are loaded, filter to see the rest`
                  : ""}
                {undated > 0 ? `; ${formatCount(undated)} undated events are not drawn` : ""}.
              </p>
              <EventTable events={inView} name={name} caption="Events in view, oldest first" />
            </>
          )
        }
      />
    </section>
  );
}
