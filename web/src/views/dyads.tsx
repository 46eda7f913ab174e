import * as Plot from "@observablehq/plot";
import { INTERVALS, formatSeriesPeriod, isInterval, isSeriesPeriod } from "../../../src/core/calendar.ts";
import type { Interval } from "../../../src/core/calendar.ts";
import { EPISODE_THRESHOLDS } from "../../../src/core/goldstein.ts";
import { QUAD_CLASSES } from "../../../src/core/quad-class.ts";
import {
  CONFLICT_COLOUR,
  COOPERATION_COLOUR,
  DIRECTION_COLOURS,
  EPISODE_FILL,
  dyadChartInput,
  goldsteinPlot,
  pairRowsOf,
  pairsOf,
  quadPlot,
} from "../charts/dyad-series.ts";
import type { DyadChartInput, Measure, Pair, Slot } from "../charts/dyad-series.ts";
import { useCallback, useEffect, useMemo, useRef } from "preact/hooks";
import { useDyads, useEpisodes, usePairCounts, usePairEvents } from "../analysis-data.ts";
import { pairCountText } from "../lib/pair-counts.ts";
import type { DyadItem, EpisodeItem } from "../api.ts";
import { EventClusterTable } from "../components/event-clusters.tsx";
import { Figure } from "../components/figure.tsx";
import { ParamSelect } from "../components/param-select.tsx";
import { Empty, Loaded } from "../components/states.tsx";
import { both, useActors } from "../data.ts";
import { countryName, createNamer } from "../lib/actors.ts";
import { formatCount, formatGoldstein } from "../lib/format.ts";
import { QUAD_COLOURS, QUAD_LABELS } from "../lib/quad-style.ts";
import { navigate, withParams } from "../router.ts";
import type { Place } from "../router.ts";
import { TimeScopeControl } from "../components/time-scope.tsx";
import { isScoped, periodInScope, scopeOf } from "../lib/time-scope.ts";
import type { TimeScope } from "../lib/time-scope.ts";
import { TableExport } from "../components/export-buttons.tsx";
import { DYAD_COLUMNS } from "../lib/table-export.ts";

/** The pair the view opens on when the URL names none: the triangle the project is about. */
const DEFAULT_PAIR = "AZE-IRN";

/** Makes a click on the chart choose the period under the pointer (Plot's pointer has picked it). */
function clickable(chart: Element, onPick: (period: string) => void): Element {
  chart.addEventListener("click", () => {
    const slot = (chart as Element & { value?: Slot | null }).value;
    if (slot?.period) onPick(slot.period);
  });
  return chart;
}

function pairName(pair: { a: string; b: string }): string {
  return `${countryName(pair.a) ?? pair.a} – ${countryName(pair.b) ?? pair.b}`;
}

function DyadChart({
  input,
  pair,
  onPick,
}: {
  input: DyadChartInput;
  pair: Pair;
  onPick: (period: string) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const goldstein = useCallback(
    (width: number) => clickable(Plot.plot(goldsteinPlot(input, width)), onPick),
    [input, onPick],
  );
  const quads = useCallback(
    (width: number) => clickable(Plot.plot(quadPlot(input, width)), onPick),
    [input, onPick],
  );
  // The key handler reads the latest input: a second key may come before the re-render of the first.
  const latest = useRef({ input, onPick });
  latest.current = { input, onPick };
  // Arrow keys move between the periods that have events; Home and End go to the first and last.
  useEffect(() => {
    const element = host.current;
    if (!element) return undefined;
    const onKey = (event: KeyboardEvent) => {
      const periods = latest.current.input.slots.map((s) => s.period);
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
        label={`Goldstein ${input.measure} per period${input.bands.length > 0 ? ", episodes shaded" : ""}`}
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
            <span class="swatch" style={{ background: COOPERATION_COLOUR }} aria-hidden="true" />
            cooperation (above 0)
          </li>
          <li>
            <span class="swatch" style={{ background: CONFLICT_COLOUR }} aria-hidden="true" />
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
      <ParamSelect
        place={place}
        param="pair"
        label="Pair"
        value={pair?.key ?? ""}
        options={pairs.map((p) => ({ value: p.key, label: `${pairName(p)} (${formatCount(p.events)})` }))}
        resets={["period"]}
        testId="dyad-pair"
      />
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
        No episode for this pair at this interval: no run that sinks to a mean of{" "}
        {formatGoldstein(EPISODE_THRESHOLDS.conflict)} or below and then recovers to{" "}
        {formatGoldstein(EPISODE_THRESHOLDS.recovery)}.
      </p>
    );
  }
  const link = (period: string, text: string) => (
    <a href={withParams(place, { period })}>
      {text} {formatSeriesPeriod(period)}
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

/**
 * The pair's counts as the Network and the Overview give them, and how the
 * series' own count follows from them: the merged events dated to the
 * interval's precision (one known only to its year is in no month).
 */
function PairCounts({
  pair,
  scope,
  inSeries,
  interval,
}: {
  pair: Pair;
  scope: TimeScope;
  inSeries: number;
  interval: Interval;
}) {
  const counts = usePairCounts(scope);
  const count = counts.state === "ready" ? counts.data.get(`${pair.a}~${pair.b}`) : undefined;
  if (!count) return null;
  const text = pairCountText(count);
  const coarse = text.inSeries - inSeries;
  return (
    <p class="note pair-counts" data-testid="pair-counts">
      {pairName(pair)}: <strong>{text.summary}</strong>
      {text.reasons.length > 0 ? `: ${text.reasons.join("; ")}` : ""}. The series counts{" "}
      {formatCount(inSeries)}
      {coarse > 0
        ? ` (${formatCount(coarse)} more are dated only to a longer period than a ${interval})`
        : ""}
      .
    </p>
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
        {pairName(pair)}, {formatSeriesPeriod(period)}
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
            <Empty>No events between this pair in {formatSeriesPeriod(period)}.</Empty>
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
  // Events with an unidentified side are on the pair by where they happened: say so where there are any.
  const noted = rows.some((row) => row.notes.length > 0);
  return (
    <details class="data-table">
      <summary>The series as a table ({formatCount(rows.length)} rows)</summary>
      <TableExport table={{ name: `dyad ${pairName(pair)}`, columns: DYAD_COLUMNS, rows }} />
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
              {noted ? <th scope="col">Note</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={`${row.a}${row.b}${row.period}`}
                aria-current={row.period === selected ? "true" : undefined}
              >
                <td>
                  <a href={withParams(place, { period: row.period })}>{formatSeriesPeriod(row.period)}</a>
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
                {noted ? <td data-testid="dyad-note">{row.notes.join("; ")}</td> : null}
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
  const scope = scopeOf(place.params);
  const scopeKey = `${scope.from ?? ""}/${scope.to ?? ""}`;
  // The series endpoint has no date bounds; the scope keeps the periods that overlap it.
  const allRows = data.state === "ready" ? data.data[0].items : null;
  const rows = useMemo(
    () => allRows?.filter((row) => periodInScope(row.period, scope)) ?? null,
    [allRows, scopeKey],
  );
  const allEpisodes = data.state === "ready" ? data.data[1].items : null;
  const pairs = useMemo(() => pairsOf(rows ?? []), [rows]);
  const wanted = place.params.get("pair") ?? DEFAULT_PAIR;
  const pair =
    pairs.find((p) => p.key === wanted) ?? pairs.find((p) => p.key === DEFAULT_PAIR) ?? pairs[0] ?? null;
  const pairRows = useMemo(() => (pair ? pairRowsOf(rows ?? [], pair) : []), [rows, pair?.key]);
  const episodes = useMemo(
    // An episode belongs to the scope when its trough does: the rupture is what it is about.
    () =>
      (allEpisodes ?? []).filter(
        (e) => pair !== null && e.a === pair.a && e.b === pair.b && periodInScope(e.trough, scope),
      ),
    [allEpisodes, pair?.key, scopeKey],
  );
  const onPick = useCallback((period: string) => {
    navigate(
      withParams({ path: location.pathname, params: new URLSearchParams(location.search) }, { period }),
      {
        replace: true,
      },
    );
  }, []);
  const input = useMemo(
    () => (pair ? dyadChartInput(pairRows, episodes, { pair, directed, measure, selected }) : null),
    [pairRows, episodes, pair?.key, directed, measure, selected],
  );
  const slot = input?.slots.find((s) => s.period === selected);
  return (
    <section data-testid="dyads" data-state={data.state} aria-labelledby="dyads-title">
      <h1 id="dyads-title">Dyads over time</h1>
      <p class="lede">
        How a relationship moves: per period, the mean (or sum) Goldstein value of the events between two
        states, and the events by quad class, each event counted once however many articles report it.
        Episodes of provocation, rupture and repair are shaded.
      </p>
      <TimeScopeControl place={place} />
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
            <Empty>
              No events between two states with a date{isScoped(scope) ? " in this range" : " yet"}, so there
              is no series to draw.
            </Empty>
          ) : (
            <>
              <PairCounts
                pair={pair}
                scope={scope}
                inSeries={pairs.find((p) => p.key === pair.key)?.events ?? 0}
                interval={interval}
              />
              <Legend directed={directed} pair={pair} />
              <DyadChart input={input} pair={pair} onPick={onPick} />
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
