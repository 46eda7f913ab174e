import * as Plot from "@observablehq/plot";
import {
  INTERVALS,
  formatSeriesPeriod as formatPeriod,
  isInterval,
  isSeriesPeriod,
  seriesPeriodDates as periodSpan,
} from "../../../src/core/calendar.ts";
import type { Interval } from "../../../src/core/calendar.ts";
import { QUAD_CLASSES } from "../../../src/core/quad-class.ts";
import { useCallback, useEffect, useMemo, useRef } from "preact/hooks";
import { useDyads, useEpisodes, usePairEvents } from "../analysis-data.ts";
import type { DyadItem, EpisodeItem } from "../api.ts";
import { EventClusterTable } from "../components/event-clusters.tsx";
import { Figure } from "../components/figure.tsx";
import { Empty, Loaded } from "../components/states.tsx";
import { both, useActors } from "../data.ts";
import { countryName, createNamer } from "../lib/actors.ts";
import { formatCount, formatGoldstein } from "../lib/format.ts";
import { QUAD_COLOURS, QUAD_LABELS } from "../lib/quad-style.ts";
import { navigate, withParams } from "../router.ts";
import type { Place } from "../router.ts";

/** The pair the view opens on when the URL names none: the triangle the project is about. */
const DEFAULT_PAIR = "AZE-IRN";

const COOPERATION = "#0868ac";
const CONFLICT = "#d7191c";
/** Directions, when the series is directed: `a` on `b`, then `b` on `a`. */
const DIRECTION_COLOURS = ["#1f5fa8", "#e08214"] as const;
const EPISODE_FILL = "#f2b134";

/** The share of a period left empty at each end of its bars. */
const PERIOD_GAP = 0.08;

interface Pair {
  readonly key: string;
  readonly a: string;
  readonly b: string;
  readonly events: number;
}

/** Every pair in the series (sorted codes), most events first. */
function pairsOf(rows: readonly DyadItem[]): Pair[] {
  const totals = new Map<string, Pair>();
  for (const row of rows) {
    const [a, b] = row.a < row.b ? [row.a, row.b] : [row.b, row.a];
    const key = `${a}-${b}`;
    const known = totals.get(key);
    totals.set(key, { key, a, b, events: (known?.events ?? 0) + row.events });
  }
  return [...totals.values()].sort((x, y) => y.events - x.events || x.key.localeCompare(y.key));
}

function pairName(pair: { a: string; b: string }): string {
  return `${countryName(pair.a) ?? pair.a} – ${countryName(pair.b) ?? pair.b}`;
}

/** One bar: a row of the series placed in time; in a directed series each direction takes half the period. */
interface Bar {
  readonly row: DyadItem;
  readonly x1: Date;
  readonly x2: Date;
  /** 0 for `a` on `b` (or undirected), 1 for `b` on `a`. */
  readonly direction: 0 | 1;
  readonly value: number;
}

/** A period with events, for picking and for the tip: all its rows together. */
interface Slot {
  readonly period: string;
  readonly x1: Date;
  readonly x2: Date;
  readonly events: number;
  readonly goldstein: number;
  readonly text: string;
}

function barsOf(rows: readonly DyadItem[], pair: Pair, directed: boolean, measure: Measure): Bar[] {
  return rows.map((row) => {
    const [start, end] = periodSpan(row.period);
    const direction: 0 | 1 = directed && row.a !== pair.a ? 1 : 0;
    // A gap at each end of the period, so that bars of neighbouring periods do not read as a pair.
    const gap = (end.getTime() - start.getTime()) * PERIOD_GAP;
    const [from, to] = [new Date(start.getTime() + gap), new Date(end.getTime() - gap)];
    const middle = new Date((start.getTime() + end.getTime()) / 2);
    const [x1, x2] = !directed ? [from, to] : direction === 0 ? [from, middle] : [middle, to];
    return { row, x1, x2, direction, value: measure === "sum" ? row.goldstein : row.goldsteinMean };
  });
}

function slotsOf(rows: readonly DyadItem[]): Slot[] {
  const byPeriod = new Map<string, DyadItem[]>();
  for (const row of rows) byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), row]);
  return [...byPeriod.entries()]
    .map(([period, list]) => {
      const [x1, x2] = periodSpan(period);
      const events = list.reduce((n, r) => n + r.events, 0);
      const goldstein = list.reduce((n, r) => n + r.goldstein, 0);
      const quads = QUAD_CLASSES.map((f) => list.reduce((n, r) => n + r[f], 0));
      const text = [
        formatPeriod(period),
        `${formatCount(events)} ${events === 1 ? "event" : "events"} · mean ${formatGoldstein(goldstein / events)} · sum ${formatGoldstein(goldstein)}`,
        ...QUAD_CLASSES.map((q, i) => `${QUAD_LABELS[q]}: ${formatCount(quads[i] ?? 0)}`),
        "Click to list the events",
      ].join("\n");
      return { period, x1, x2, events, goldstein, text };
    })
    .sort((x, y) => x.x1.getTime() - y.x1.getTime());
}

type Measure = "mean" | "sum";

/** The episode's band: from the start of its first period to the end of its repair period. */
function episodeBand(episode: EpisodeItem) {
  const [x1] = periodSpan(episode.start);
  const [, x2] = periodSpan(episode.end);
  const [t1, t2] = periodSpan(episode.trough);
  return { episode, x1, x2, trough: new Date((t1.getTime() + t2.getTime()) / 2) };
}

interface ChartInput {
  readonly bars: readonly Bar[];
  readonly slots: readonly Slot[];
  readonly episodes: readonly EpisodeItem[];
  readonly domain: readonly [Date, Date];
  readonly selected: string | null;
  readonly directed: boolean;
  readonly measure: Measure;
  readonly onPick: (period: string) => void;
}

/** Makes a click on the chart choose the period under the pointer (Plot's pointer has picked it). */
function clickable(chart: Element, onPick: (period: string) => void): Element {
  chart.addEventListener("click", () => {
    const slot = (chart as Element & { value?: Slot | null }).value;
    if (slot?.period) onPick(slot.period);
  });
  return chart;
}

/** The marks both panels share: episode bands behind, the selected period outlined, the pointer's tip. */
function sharedMarks(input: ChartInput, y: readonly [number, number]) {
  const bands = input.episodes.map(episodeBand);
  const selected = input.slots.filter((s) => s.period === input.selected);
  return {
    behind: [
      Plot.rect(bands, {
        x1: "x1",
        x2: "x2",
        y1: y[0],
        y2: y[1],
        fill: EPISODE_FILL,
        fillOpacity: 0.22,
        className: "episode",
        title: (d: ReturnType<typeof episodeBand>) =>
          `Episode ${formatPeriod(d.episode.start)} – ${formatPeriod(d.episode.end)}, trough ${formatPeriod(d.episode.trough)}`,
      }),
      Plot.ruleX(bands, { x: "trough", stroke: "#a86b00", strokeDasharray: "4,3", className: "trough" }),
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

function goldsteinChart(input: ChartInput, width: number): Element {
  const values = input.bars.map((b) => b.value);
  const y: [number, number] =
    input.measure === "mean" ? [-10, 10] : [Math.min(-1, ...values) * 1.1, Math.max(1, ...values) * 1.1];
  const { behind, front } = sharedMarks(input, y);
  const bands = input.episodes.map(episodeBand);
  const chart = Plot.plot({
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
      Plot.text(bands, {
        x: "x1",
        y: y[1],
        text: (d: ReturnType<typeof episodeBand>) =>
          `Episode: ${formatPeriod(d.episode.start)} → trough ${formatPeriod(d.episode.trough)} (${formatGoldstein(d.episode.troughGoldstein)}) → repair ${formatPeriod(d.episode.end)} (${formatGoldstein(d.episode.repairGoldstein)})`,
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
        fill: (b: Bar) =>
          input.directed ? DIRECTION_COLOURS[b.direction] : b.value >= 0 ? COOPERATION : CONFLICT,
        className: "goldstein-bars",
      }),
      ...front,
    ],
  });
  return clickable(chart, input.onPick);
}

function quadChart(input: ChartInput, width: number): Element {
  // Stacked by hand: four counts per bar, in the order of QUAD_CLASSES.
  const pieces = input.bars.flatMap((bar) => {
    let base = 0;
    return QUAD_CLASSES.map((quad) => {
      const y1 = base;
      base += bar.row[quad];
      return { x1: bar.x1, x2: bar.x2, y1, y2: base, quad };
    }).filter((p) => p.y2 > p.y1);
  });
  const top = Math.max(1, ...input.bars.map((b) => b.row.events));
  const y: [number, number] = [0, top * 1.08];
  const { behind, front } = sharedMarks(input, y);
  const chart = Plot.plot({
    width,
    height: 170,
    marginLeft: 52,
    x: { type: "utc", domain: [...input.domain], label: null },
    y: { domain: y, grid: true, label: "events by quad class" },
    color: { domain: [...QUAD_CLASSES], range: QUAD_CLASSES.map((q) => QUAD_COLOURS[q]) },
    marks: [
      ...behind,
      Plot.rect(pieces, {
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
  });
  return clickable(chart, input.onPick);
}

function DyadChart({ input, pair }: { input: ChartInput; pair: Pair }) {
  const host = useRef<HTMLDivElement>(null);
  const goldstein = useCallback((width: number) => goldsteinChart(input, width), [input]);
  const quads = useCallback((width: number) => quadChart(input, width), [input]);
  // The key handler reads the latest input: a second key may come before the re-render of the first.
  const latest = useRef(input);
  latest.current = input;
  // Arrow keys move between the periods that have events; Home and End go to the first and last.
  useEffect(() => {
    const element = host.current;
    if (!element) return undefined;
    const onKey = (event: KeyboardEvent) => {
      const periods = latest.current.slots.map((s) => s.period);
      if (periods.length === 0) return;
      const chosen = new URLSearchParams(location.search).get("period");
      const at = chosen === null ? -1 : periods.indexOf(chosen);
      const moves: Record<string, number> = {
        ArrowLeft: at <= 0 ? 0 : at - 1,
        ArrowRight: at < 0 ? 0 : Math.min(periods.length - 1, at + 1),
        Home: 0,
        End: periods.length - 1,
      };
      const next = moves[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const period = periods[next];
      if (period) latest.current.onPick(period);
    };
    element.addEventListener("keydown", onKey);
    return () => {
      element.removeEventListener("keydown", onKey);
    };
  }, []);
  return (
    <div
      ref={host}
      class="chart-host dyad-charts"
      tabIndex={0}
      data-testid="dyad-chart"
      aria-label={`${pairName(pair)} over time: click a period, or use the arrow keys, to list its events`}
    >
      <Figure
        build={goldstein}
        label={`Goldstein ${input.measure} per period${input.episodes.length > 0 ? ", episodes shaded" : ""}`}
      />
      <Figure build={quads} label="Events per period by quad class" class="figure-joined" />
    </div>
  );
}

function Legend({ directed, pair }: { directed: boolean; pair: Pair }) {
  return (
    <ul class="legend legend-left" aria-label="Colours">
      <li class="legend-group">Goldstein:</li>
      {directed ? (
        <>
          <li>
            <span class="swatch" style={{ background: DIRECTION_COLOURS[0] }} aria-hidden="true" />
            {countryName(pair.a) ?? pair.a} → {countryName(pair.b) ?? pair.b} (left half)
          </li>
          <li>
            <span class="swatch" style={{ background: DIRECTION_COLOURS[1] }} aria-hidden="true" />
            {countryName(pair.b) ?? pair.b} → {countryName(pair.a) ?? pair.a} (right half)
          </li>
        </>
      ) : (
        <>
          <li>
            <span class="swatch" style={{ background: COOPERATION }} aria-hidden="true" />
            cooperation (above 0)
          </li>
          <li>
            <span class="swatch" style={{ background: CONFLICT }} aria-hidden="true" />
            conflict (below 0)
          </li>
        </>
      )}
      <li class="legend-group">Quad class:</li>
      {QUAD_CLASSES.map((quad) => (
        <li key={quad}>
          <span class="swatch" style={{ background: QUAD_COLOURS[quad] }} aria-hidden="true" />
          {QUAD_LABELS[quad]}
        </li>
      ))}
      <li class="legend-group">Episode:</li>
      <li>
        <span class="swatch" style={{ background: EPISODE_FILL, opacity: 0.5 }} aria-hidden="true" />
        shaded, dashed line at the trough
      </li>
    </ul>
  );
}

function Controls({
  place,
  pairs,
  pair,
  interval,
  directed,
  measure,
}: {
  place: Place;
  pairs: readonly Pair[];
  pair: Pair | null;
  interval: Interval;
  directed: boolean;
  measure: Measure;
}) {
  const set = (changes: Record<string, string | null>) => {
    navigate(withParams(place, { ...changes, period: null }));
  };
  return (
    <form
      class="filters"
      aria-label="Choose the series"
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <label>
        Pair{" "}
        <select
          value={pair?.key ?? ""}
          onChange={(e) => {
            set({ pair: e.currentTarget.value });
          }}
          data-testid="dyad-pair"
        >
          {pairs.map((p) => (
            <option key={p.key} value={p.key}>
              {pairName(p)} ({formatCount(p.events)})
            </option>
          ))}
        </select>
      </label>
      <fieldset class="segmented">
        <legend>Interval</legend>
        {INTERVALS.map((i) => (
          <label key={i}>
            <input
              type="radio"
              name="interval"
              value={i}
              checked={interval === i}
              onChange={() => {
                set({ interval: i === "month" ? null : i });
              }}
            />
            {i}
          </label>
        ))}
      </fieldset>
      <fieldset class="segmented">
        <legend>Measure</legend>
        {(["mean", "sum"] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="measure"
              value={m}
              checked={measure === m}
              onChange={() => {
                navigate(withParams(place, { measure: m === "mean" ? null : m }), { replace: true });
              }}
            />
            {m}
          </label>
        ))}
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={directed}
          onChange={(e) => {
            set({ directed: e.currentTarget.checked ? "1" : null });
          }}
          data-testid="dyad-directed"
        />{" "}
        Directed (who acts on whom)
      </label>
    </form>
  );
}

function EpisodeList({ episodes, place }: { episodes: readonly EpisodeItem[]; place: Place }) {
  if (episodes.length === 0) {
    return (
      <p class="note" data-testid="episodes">
        No episode for this pair at this interval: no run that sinks to a mean of −2 or below and then
        recovers to +1.
      </p>
    );
  }
  const link = (period: string, text: string) => (
    <a href={withParams(place, { period })}>
      {text} {formatPeriod(period)}
    </a>
  );
  return (
    <ol class="episodes" data-testid="episodes">
      {episodes.map((e) => (
        <li key={e.id} data-testid="episode">
          <strong>Provocation, rupture, repair:</strong> {link(e.start, "start")} → {link(e.trough, "trough")}{" "}
          (mean {formatGoldstein(e.troughGoldstein)}) → {link(e.end, "repair")} (mean{" "}
          {formatGoldstein(e.repairGoldstein)}); {formatCount(e.events.length)} events
        </li>
      ))}
    </ol>
  );
}

function PeriodEvents({
  pair,
  period,
  interval,
  slot,
}: {
  pair: Pair;
  period: string;
  interval: Interval;
  slot: Slot | undefined;
}) {
  const actors = useActors();
  const name = useMemo(() => createNamer(actors.state === "ready" ? actors.data.items : []), [actors]);
  const events = usePairEvents({ a: pair.a, b: pair.b, directed: false, interval, period });
  return (
    <section aria-labelledby="period-title" data-testid="period-events" class="period-events">
      <h2 id="period-title">
        {pairName(pair)}, {formatPeriod(period)}
      </h2>
      {slot ? (
        <p class="note">
          {formatCount(slot.events)} {slot.events === 1 ? "event" : "events"} · Goldstein mean{" "}
          {formatGoldstein(slot.goldstein / slot.events)} · sum {formatGoldstein(slot.goldstein)}
        </p>
      ) : null}
      <Loaded
        resource={events}
        what="the events of this period"
        ready={(list) =>
          list.length === 0 ? (
            <Empty>No events between this pair in {formatPeriod(period)}.</Empty>
          ) : (
            <EventClusterTable
              events={list}
              name={name}
              caption="Each event once, with every article that reports it"
            />
          )
        }
      />
    </section>
  );
}

function PeriodTable({
  rows,
  pair,
  directed,
  place,
  selected,
}: {
  rows: readonly DyadItem[];
  pair: Pair;
  directed: boolean;
  place: Place;
  selected: string | null;
}) {
  return (
    <details class="data-table">
      <summary>The series as a table ({formatCount(rows.length)} rows)</summary>
      <div class="table-wrap">
        <table>
          <caption>
            {pairName(pair)} per period{directed ? ", by direction" : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              {directed ? <th scope="col">Direction</th> : null}
              <th scope="col" class="num">
                Events
              </th>
              <th scope="col" class="num">
                Goldstein mean
              </th>
              <th scope="col" class="num">
                Sum
              </th>
              {QUAD_CLASSES.map((q) => (
                <th key={q} scope="col" class="num">
                  {QUAD_LABELS[q]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={`${row.a}${row.b}${row.period}`}
                aria-current={row.period === selected ? "true" : undefined}
              >
                <td>
                  <a href={withParams(place, { period: row.period })}>{formatPeriod(row.period)}</a>
                </td>
                {directed ? (
                  <td>
                    {row.a} → {row.b}
                  </td>
                ) : null}
                <td class="num">{formatCount(row.events)}</td>
                <td class="num">{formatGoldstein(row.goldsteinMean)}</td>
                <td class="num">{formatGoldstein(row.goldstein)}</td>
                {QUAD_CLASSES.map((f) => (
                  <td key={f} class="num">
                    {formatCount(row[f])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function DyadsView({ place }: { place: Place }) {
  const intervalParam = place.params.get("interval");
  const interval: Interval = isInterval(intervalParam) ? intervalParam : "month";
  const directed = place.params.get("directed") === "1";
  const measure: Measure = place.params.get("measure") === "sum" ? "sum" : "mean";
  const periodParam = place.params.get("period");
  const selected = isSeriesPeriod(periodParam) ? periodParam : null;
  const data = both(useDyads(interval, directed), useEpisodes(interval));
  const rows = data.state === "ready" ? data.data[0].items : null;
  const allEpisodes = data.state === "ready" ? data.data[1].items : null;
  const pairs = useMemo(() => pairsOf(rows ?? []), [rows]);
  const wanted = place.params.get("pair") ?? DEFAULT_PAIR;
  const pair =
    pairs.find((p) => p.key === wanted) ?? pairs.find((p) => p.key === DEFAULT_PAIR) ?? pairs[0] ?? null;
  const pairRows = useMemo(
    () =>
      pair
        ? (rows ?? [])
            .filter((r) => (r.a === pair.a && r.b === pair.b) || (r.a === pair.b && r.b === pair.a))
            .sort(
              (x, y) =>
                periodSpan(x.period)[0].getTime() - periodSpan(y.period)[0].getTime() || (x.a < y.a ? -1 : 1),
            )
        : [],
    [rows, pair?.key],
  );
  const episodes = useMemo(
    () => (allEpisodes ?? []).filter((e) => pair !== null && e.a === pair.a && e.b === pair.b),
    [allEpisodes, pair?.key],
  );
  const onPick = useCallback((period: string) => {
    navigate(
      withParams({ path: location.pathname, params: new URLSearchParams(location.search) }, { period }),
      {
        replace: true,
      },
    );
  }, []);
  const input = useMemo((): ChartInput | null => {
    if (!pair || pairRows.length === 0) return null;
    const slots = slotsOf(pairRows);
    const first = slots[0];
    const last = slots.at(-1);
    if (!first || !last) return null;
    const bands = episodes.map(episodeBand);
    const lo = Math.min(first.x1.getTime(), ...bands.map((b) => b.x1.getTime()));
    const hi = Math.max(last.x2.getTime(), ...bands.map((b) => b.x2.getTime()));
    const pad = (hi - lo) * 0.01;
    return {
      bars: barsOf(pairRows, pair, directed, measure),
      slots,
      episodes,
      domain: [new Date(lo - pad), new Date(hi + pad)],
      selected,
      directed,
      measure,
      onPick,
    };
  }, [pairRows, episodes, pair?.key, directed, measure, selected, onPick]);
  const slot = input?.slots.find((s) => s.period === selected);
  return (
    <section data-testid="dyads" data-state={data.state} aria-labelledby="dyads-title">
      <h1 id="dyads-title">Dyads over time</h1>
      <p class="lede">
        How a relationship moves: per period, the mean (or sum) Goldstein value of the events between two
        states, and the events by quad class, each event counted once however many articles report it.
        Episodes of provocation, rupture and repair are shaded.
      </p>
      {rows ? (
        <Controls
          place={place}
          pairs={pairs}
          pair={pair}
          interval={interval}
          directed={directed}
          measure={measure}
        />
      ) : null}
      <Loaded
        resource={data}
        what="the dyad series"
        ready={() =>
          !pair || !input ? (
            <Empty>No events between two states with a date yet, so there is no series to draw.</Empty>
          ) : (
            <>
              <Legend directed={directed} pair={pair} />
              <DyadChart input={input} pair={pair} />
              <h2>Episodes</h2>
              <EpisodeList episodes={episodes} place={place} />
              {selected ? (
                <PeriodEvents pair={pair} period={selected} interval={interval} slot={slot} />
              ) : (
                <p class="note">
                  Click a period in the chart, or choose one in the table, to list its events.
                </p>
              )}
              <PeriodTable
                rows={pairRows}
                pair={pair}
                directed={directed}
                place={place}
                selected={selected}
              />
            </>
          )
        }
      />
    </section>
  );
}
