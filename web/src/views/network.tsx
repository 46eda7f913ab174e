import cytoscape from "cytoscape";
import { useCallback, useEffect, useMemo, useRef } from "preact/hooks";
import type { EventItem } from "../api.ts";
import { EVENT_CAP } from "../api.ts";
import { EventTable } from "../components/event-table.tsx";
import { Empty, Loaded } from "../components/states.tsx";
import { both, useActors, useEvents } from "../data.ts";
import { activityOf, createNamer, dyadsOf } from "../lib/actors.ts";
import type { Dyad } from "../lib/actors.ts";
import { goldsteinColour } from "../lib/cameo.ts";
import { formatCount, formatGoldstein } from "../lib/format.ts";
import { href, navigate, withParams } from "../router.ts";
import type { Place } from "../router.ts";

function Graph({
  dyads,
  activity,
  name,
  selected,
  onSelect,
}: {
  dyads: readonly Dyad[];
  activity: ReadonlyMap<string, number>;
  name: (key: string) => string;
  selected: string | null;
  onSelect: (edge: string | null) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const cy = useRef<cytoscape.Core | null>(null);
  useEffect(() => {
    const container = host.current;
    if (!container) return undefined;
    const maxActivity = Math.max(1, ...activity.values());
    const maxEvents = Math.max(1, ...dyads.map((d) => d.events.length));
    const nodes = [...new Set(dyads.flatMap((d) => [d.a, d.b]))].map((key) => ({
      data: { id: key, label: name(key), weight: activity.get(key) ?? 1 },
    }));
    const edges = dyads.map((d) => ({
      data: {
        id: d.key,
        source: d.a,
        target: d.b,
        events: d.events.length,
        colour: goldsteinColour(d.goldsteinMean),
      },
    }));
    const core = cytoscape({
      container,
      elements: [...nodes, ...edges],
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            width: `mapData(weight, 1, ${maxActivity}, 18, 64)`,
            height: `mapData(weight, 1, ${maxActivity}, 18, 64)`,
            "background-color": "#46546b",
            color: "#1b2430",
            "font-size": 12,
            "text-valign": "bottom",
            "text-margin-y": 4,
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.8,
            "text-background-padding": "2px",
          },
        },
        {
          selector: "edge",
          style: {
            width: `mapData(events, 1, ${maxEvents}, 1.5, 14)`,
            "line-color": "data(colour)",
            "curve-style": "straight",
            opacity: 0.85,
          },
        },
        {
          selector: "edge:selected",
          style: { "underlay-color": "#111", "underlay-opacity": 0.25, "underlay-padding": 4 },
        },
      ],
      layout: {
        name: "concentric",
        concentric: (node: cytoscape.NodeSingular) => Number(node.data("weight")),
        levelWidth: () => Math.max(1, maxActivity / 4),
        minNodeSpacing: 30,
        animate: false,
      },
      minZoom: 0.2,
      maxZoom: 4,
      boxSelectionEnabled: false,
    });
    core.on("tap", "edge", (event) => {
      onSelect((event.target as cytoscape.EdgeSingular).id());
    });
    core.on("tap", (event) => {
      if (event.target === core) onSelect(null);
    });
    core.on("tap", "node", (event) => {
      navigate(href("/timeline", { actor: (event.target as cytoscape.NodeSingular).id() }));
    });
    cy.current = core;
    container.dataset.state = "ready";
    performance.mark("network-ready");
    return () => {
      core.destroy();
      cy.current = null;
    };
  }, [dyads, activity, name, onSelect]);
  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    core.edges().unselect();
    if (selected) core.getElementById(selected).select();
  }, [selected, dyads]);
  return (
    <div
      ref={host}
      class="graph"
      data-testid="network-canvas"
      role="img"
      aria-label="Network of actors: node size is activity, edge width is the number of events, edge colour the mean Goldstein value. The table below lists the same pairs."
    />
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
  const data = both(useEvents(), useActors());
  const selected = place.params.get("edge");
  const events = data.state === "ready" ? data.data[0].items : null;
  const actors = data.state === "ready" ? data.data[1].items : null;
  const name = useMemo(() => createNamer(actors ?? []), [actors]);
  const dyads = useMemo(() => dyadsOf(events ?? []), [events]);
  const activity = useMemo(() => activityOf(events ?? []), [events]);
  // Stable across renders, so that selecting an edge does not rebuild the graph: it reads
  // the current URL when called instead of closing over `place`.
  const onSelect = useCallback((edge: string | null) => {
    navigate(
      withParams({ path: location.pathname, params: new URLSearchParams(location.search) }, { edge }),
      {
        replace: true,
      },
    );
  }, []);
  const chosen = dyads.find((d) => d.key === selected);
  return (
    <section data-testid="network" data-state={data.state} aria-labelledby="network-title">
      <h1 id="network-title">Network</h1>
      <Loaded
        resource={data}
        what="events"
        ready={([page]) =>
          dyads.length === 0 ? (
            <Empty>No events between two actors yet.</Empty>
          ) : (
            <>
              <Legend />
              <Graph dyads={dyads} activity={activity} name={name} selected={selected} onSelect={onSelect} />
              {page.total > page.items.length ? (
                <p class="note">
                  Drawn from the first {formatCount(EVENT_CAP)} of {formatCount(page.total)} events.
                </p>
              ) : null}
              <div class="columns">
                <DyadTable dyads={dyads} name={name} selected={selected} place={place} />
                <section aria-labelledby="edge-title" class="edge-panel" data-testid="edge-events">
                  <h2 id="edge-title">
                    {chosen ? `${name(chosen.a)} – ${name(chosen.b)}` : "Events of a pair"}
                  </h2>
                  {chosen ? (
                    <EventTable
                      events={sortByDate(chosen.events)}
                      name={name}
                      caption={`${formatCount(chosen.events.length)} events, mean Goldstein ${formatGoldstein(chosen.goldsteinMean)}`}
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

function DyadTable({
  dyads,
  name,
  selected,
  place,
}: {
  dyads: readonly Dyad[];
  name: (key: string) => string;
  selected: string | null;
  place: Place;
}) {
  return (
    <div class="table-wrap dyad-table">
      <table>
        <caption>Pairs of actors by number of events</caption>
        <thead>
          <tr>
            <th scope="col">Pair</th>
            <th scope="col" class="num">
              Events
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
              <td class="num">{formatCount(d.events.length)}</td>
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
