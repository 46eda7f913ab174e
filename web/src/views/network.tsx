import { useMemo, useRef } from "preact/hooks";
import type { EventItem, PairItem } from "../api.ts";
import { usePairCounts } from "../analysis-data.ts";
import { isStateCode } from "../../../src/core/codes.ts";
import { pairCountText } from "../lib/pair-counts.ts";
import { MAX_PAGE } from "../../../src/core/limits.ts";
import { EventTable } from "../components/event-table.tsx";
import { ChartExport } from "../components/export-buttons.tsx";
import { Empty, Loaded } from "../components/states.tsx";
import { both, useActors, useEvents } from "../data.ts";
import { activityOf, createNamer, dyadsOf } from "../lib/actors.ts";
import { concentric } from "../lib/concentric.ts";
import type { Dyad } from "../lib/actors.ts";
import { goldsteinColour } from "../lib/quad-style.ts";
import { formatCount, formatGoldstein } from "../lib/format.ts";
import { href, withParams } from "../router.ts";
import type { Place } from "../router.ts";
import { TimeScopeControl } from "../components/time-scope.tsx";
import { isScoped, scopeOf, scopeQuery, withScope } from "../lib/time-scope.ts";

const SPACING = 30;
const LABEL_ROOM = 22;

/** Node radius from 9 to 32 px by activity; edge width from 1.5 to 14 px by events. */
function linear(value: number, max: number, from: number, to: number): number {
  return max <= 1 ? from : from + ((Math.min(value, max) - 1) / (max - 1)) * (to - from);
}

/**
 * The network as SVG: actors on concentric rings (the busiest at the centre)
 * sized by activity, and a line for each pair, as wide as its events are
 * many and coloured by their mean Goldstein value. Nodes and edges are links
 * (the keyboard reaches them): a node opens the actor's timeline, an edge
 * lists the pair's events below.
 */
function Graph({
  dyads,
  activity,
  name,
  selected,
  place,
}: {
  dyads: readonly Dyad[];
  activity: ReadonlyMap<string, number>;
  name: (key: string) => string;
  selected: string | null;
  place: Place;
}) {
  const graph = useRef<HTMLDivElement>(null);
  const { nodes, at, box } = useMemo(() => {
    const maxActivity = Math.max(1, ...activity.values());
    const keys = [...new Set(dyads.flatMap((d) => [d.a, d.b]))];
    const placed = concentric(
      keys.map((key) => {
        const weight = activity.get(key) ?? 1;
        return { key, weight, radius: linear(weight, maxActivity, 9, 32) };
      }),
      { levels: 4, spacing: SPACING },
    );
    const pad = 12;
    const extent = {
      left: Math.min(...placed.map((n) => n.x - n.radius - SPACING)) - pad,
      right: Math.max(...placed.map((n) => n.x + n.radius + SPACING)) + pad,
      top: Math.min(...placed.map((n) => n.y - n.radius)) - pad,
      bottom: Math.max(...placed.map((n) => n.y + n.radius + LABEL_ROOM)) + pad,
    };
    return {
      nodes: placed,
      at: new Map(placed.map((node) => [node.key, node])),
      box: `${extent.left} ${extent.top} ${extent.right - extent.left} ${extent.bottom - extent.top}`,
    };
  }, [dyads, activity]);
  const maxEvents = Math.max(1, ...dyads.map((d) => d.events.length));
  // Light edges first, so that the busiest pairs are drawn on top.
  const edges = [...dyads].sort((x, y) => x.events.length - y.events.length);
  return (
    <div class="graph" data-testid="network-graph" ref={graph}>
      <svg
        viewBox={box}
        role="group"
        aria-label="Network of actors: node size is activity, edge width is the number of events, edge colour the mean Goldstein value. The table below lists the same pairs."
      >
        <g class="edges">
          {edges.map((d) => {
            const [a, b] = [at.get(d.a), at.get(d.b)];
            if (!a || !b) return null;
            const width = linear(d.events.length, maxEvents, 1.5, 14);
            return (
              <a
                key={d.key}
                href={withParams(place, { edge: d.key })}
                class={d.key === selected ? "edge selected" : "edge"}
                data-testid="network-edge"
                aria-label={`${name(d.a)} – ${name(d.b)}: ${formatCount(d.events.length)} events`}
              >
                <title>
                  {name(d.a)} – {name(d.b)}: {formatCount(d.events.length)} events, mean Goldstein{" "}
                  {formatGoldstein(d.goldsteinMean)}
                </title>
                {d.key === selected ? (
                  <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} class="edge-halo" stroke-width={width + 8} />
                ) : null}
                <line
                  x1={a.x}
                  y1={a.y}
                  x2={b.x}
                  y2={b.y}
                  stroke={goldsteinColour(d.goldsteinMean)}
                  stroke-width={width}
                  stroke-opacity={0.85}
                />
                <line
                  x1={a.x}
                  y1={a.y}
                  x2={b.x}
                  y2={b.y}
                  class="edge-hit"
                  stroke-width={Math.max(width, 12)}
                />
              </a>
            );
          })}
        </g>
        <g class="nodes">
          {nodes.map((node) => (
            <a
              key={node.key}
              href={withScope(href("/timeline", { actor: node.key }), place.params)}
              class="node"
              aria-label={`${name(node.key)}: ${formatCount(node.weight)} events; open its timeline`}
            >
              <circle cx={node.x} cy={node.y} r={node.radius} />
              <text x={node.x} y={node.y + node.radius + 14} text-anchor="middle">
                {name(node.key)}
              </text>
            </a>
          ))}
        </g>
      </svg>
      <ChartExport host={graph} name="network" />
    </div>
  );
}

function Legend() {
  return (
    <ul class="legend" aria-label="Edge colours">
      {[-8, -4, 0, 4, 8].map((g) => (
        <li key={g}>
          <span class="swatch" style={{ background: goldsteinColour(g) }} aria-hidden="true" />
          {formatGoldstein(g)}
        </li>
      ))}
      <li>mean Goldstein: red conflict, blue cooperation</li>
    </ul>
  );
}

export function NetworkView({ place }: { place: Place }) {
  const scope = scopeOf(place.params);
  const data = both(useEvents(scopeQuery(scope)), useActors());
  const selected = place.params.get("edge");
  const events = data.state === "ready" ? data.data[0].items : null;
  const actors = data.state === "ready" ? data.data[1].items : null;
  const name = useMemo(() => createNamer(actors ?? []), [actors]);
  const dyads = useMemo(() => dyadsOf(events ?? []), [events]);
  const activity = useMemo(() => activityOf(events ?? []), [events]);
  const chosen = dyads.find((d) => d.key === selected);
  const pairCounts = usePairCounts(scope);
  const counts = pairCounts.state === "ready" ? pairCounts.data : null;
  return (
    <section data-testid="network" data-state={data.state} aria-labelledby="network-title">
      <h1 id="network-title">Network</h1>
      <TimeScopeControl place={place} count={data.state === "ready" ? data.data[0].total : undefined} />
      <Loaded
        resource={data}
        what="events"
        ready={([page]) =>
          dyads.length === 0 ? (
            <Empty>No events between two actors{isScoped(scope) ? " in this range" : " yet"}.</Empty>
          ) : (
            <>
              <Legend />
              <Graph dyads={dyads} activity={activity} name={name} selected={selected} place={place} />
              {page.total > page.items.length ? (
                <p class="note">
                  Drawn from the first {formatCount(MAX_PAGE)} of {formatCount(page.total)} events.
                </p>
              ) : null}
              <div class="columns">
                <DyadTable dyads={dyads} name={name} selected={selected} place={place} counts={counts} />
                <section aria-labelledby="edge-title" class="edge-panel" data-testid="edge-events">
                  <h2 id="edge-title">
                    {chosen ? `${name(chosen.a)} – ${name(chosen.b)}` : "Events of a pair"}
                  </h2>
                  {chosen ? <PairCountNote pair={chosen} counts={counts} /> : null}
                  {chosen ? (
                    <EventTable
                      events={sortByDate(chosen.events)}
                      name={name}
                      caption={`${formatCount(chosen.events.length)} reports, mean Goldstein ${formatGoldstein(chosen.goldsteinMean)}`}
                    />
                  ) : (
                    <Empty>
                      Click an edge of the graph, or choose a pair in the table, to list its events.
                    </Empty>
                  )}
                </section>
              </div>
            </>
          )
        }
      />
    </section>
  );
}

function sortByDate(events: readonly EventItem[]): EventItem[] {
  return [...events].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
}

/**
 * Why the pair's reports (the edge, the table) and its merged events (what
 * Dyads and Triangles count) differ, in the words every view uses.
 */
function PairCountNote({ pair, counts }: { pair: Dyad; counts: ReadonlyMap<string, PairItem> | null }) {
  const count = counts?.get(pair.key);
  if (!count) return null;
  const text = pairCountText(count);
  const series = isStateCode(pair.a) && isStateCode(pair.b);
  return (
    <p class="note pair-counts" data-testid="pair-counts">
      <strong>{text.summary}</strong>
      {text.reasons.length > 0 ? `: ${text.reasons.join("; ")}` : ""}.
      {series ? ` Of the merged events, ${formatCount(text.inSeries)} are dated: those Dyads draws.` : ""}
    </p>
  );
}

function DyadTable({
  dyads,
  name,
  selected,
  place,
  counts,
}: {
  dyads: readonly Dyad[];
  name: (key: string) => string;
  selected: string | null;
  place: Place;
  counts: ReadonlyMap<string, PairItem> | null;
}) {
  return (
    <div class="table-wrap dyad-table">
      <table>
        <caption>
          Pairs of actors: reports (each article's account, drawn as the edges) and merged events (each act
          once, as Dyads counts them)
        </caption>
        <thead>
          <tr>
            <th scope="col">Pair</th>
            <th scope="col" class="num">
              Reports
            </th>
            <th scope="col" class="num">
              Merged events
            </th>
            <th scope="col" class="num">
              Mean Goldstein
            </th>
          </tr>
        </thead>
        <tbody>
          {dyads.slice(0, 40).map((d) => (
            <tr key={d.key} aria-current={d.key === selected ? "true" : undefined}>
              <td>
                <a href={withParams(place, { edge: d.key })} data-testid="dyad-link">
                  {name(d.a)} – {name(d.b)}
                </a>
              </td>
              <td class="num" data-testid="pair-reports">
                {formatCount(d.events.length)}
              </td>
              <td class="num" data-testid="pair-merged">
                {counts ? formatCount(counts.get(d.key)?.events ?? 0) : "…"}
              </td>
              <td class="num">
                <span class="badge" style={{ background: goldsteinColour(d.goldsteinMean) }}>
                  {formatGoldstein(d.goldsteinMean)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
