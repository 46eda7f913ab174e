import * as Plot from "@observablehq/plot";
import type { Feature, FeatureCollection, Geometry, MultiPoint } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import worldUrl from "world-atlas/countries-50m.json?url";
import { useCallback, useMemo } from "preact/hooks";
import { MAX_PAGE } from "../../../src/core/limits.ts";
import { Figure } from "../components/figure.tsx";
import { Empty, Loaded } from "../components/states.tsx";
import { useEvents } from "../data.ts";
import { isStateCode } from "../../../src/core/codes.ts";
import { activityOf, countryName, countryPoint, dyadsOf } from "../lib/actors.ts";
import { goldsteinColour } from "../lib/quad-style.ts";
import { formatCount, formatGoldstein } from "../lib/format.ts";
import { useResource } from "../lib/resource.ts";
import { href, navigate, withParams } from "../router.ts";
import type { Place } from "../router.ts";

type Country = Feature<Geometry, { name: string }>;

/** Natural Earth 1:50m countries from the world-atlas package, served with the UI (no tiles, no network). */
async function loadWorld(): Promise<Country[]> {
  const response = await fetch(worldUrl);
  if (!response.ok) throw new Error(`world map: HTTP ${response.status}`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>)
    .features;
}

/**
 * The part of the world the events are about: the box around the states
 * with at least a sixth of the top state's events (padded), so that a few
 * events with Washington or Moscow do not zoom the map out to the world.
 */
function regionOf(activity: ReadonlyMap<string, number>): MultiPoint | undefined {
  const top = Math.max(0, ...activity.values());
  const points = [...activity]
    .filter(([, n]) => n >= top / 6)
    .flatMap(([code]) => {
      const point = countryPoint(code);
      return point ? [point] : [];
    });
  if (points.length === 0) return undefined;
  const lngs = points.map((p) => p.lng);
  const lats = points.map((p) => p.lat);
  const [west, east] = [Math.min(...lngs) - 8, Math.max(...lngs) + 8];
  const [south, north] = [Math.max(-85, Math.min(...lats) - 6), Math.min(85, Math.max(...lats) + 6)];
  return {
    type: "MultiPoint",
    coordinates: [
      [west, south],
      [west, north],
      [east, south],
      [east, north],
    ],
  };
}

interface Arc {
  readonly key: string;
  readonly a: string;
  readonly b: string;
  readonly from: { lat: number; lng: number };
  readonly to: { lat: number; lng: number };
  readonly events: number;
  readonly goldsteinMean: number;
}

export function MapView({ place }: { place: Place }) {
  const events = useEvents();
  const world = useResource("world-50m", loadWorld);
  const scope = place.params.get("scope") === "world" ? "world" : "region";
  const items = events.state === "ready" ? events.data.items : null;
  const activity = useMemo(() => {
    const byKey = activityOf(items ?? []);
    return new Map([...byKey].filter(([key]) => isStateCode(key)));
  }, [items]);
  const arcs = useMemo(
    () =>
      dyadsOf(items ?? []).flatMap((d): Arc[] => {
        const from = isStateCode(d.a) ? countryPoint(d.a) : undefined;
        const to = isStateCode(d.b) ? countryPoint(d.b) : undefined;
        return from && to
          ? [
              {
                key: d.key,
                a: d.a,
                b: d.b,
                from,
                to,
                events: d.events.length,
                goldsteinMean: d.goldsteinMean,
              },
            ]
          : [];
      }),
    [items],
  );
  const countries = world.state === "ready" ? world.data : null;
  const build = useCallback(
    (width: number) => {
      const byNumeric = new Map<string, number>();
      for (const [code, n] of activity) {
        const point = countryPoint(code);
        if (point) byNumeric.set(point.ccn3, n);
      }
      const shapes = countries ?? [];
      const domain = scope === "region" ? regionOf(activity) : undefined;
      const maxEvents = Math.max(1, ...arcs.map((a) => a.events));
      const labels = [...activity.keys()].flatMap((code) => {
        const point = countryPoint(code);
        return point ? [{ code, ...point, name: countryName(code) ?? code }] : [];
      });
      return Plot.plot({
        width,
        height: Math.round(width * (domain ? 0.6 : 0.5)),
        projection: domain ? { type: "equal-earth", domain, inset: 40 } : { type: "equal-earth" },
        color: {
          type: "sqrt",
          scheme: "oranges",
          domain: [0, Math.max(1, ...activity.values())],
          unknown: "#eceae4",
          label: "Events",
          legend: true,
        },
        marks: [
          Plot.sphere({ fill: "#f4f8fb", stroke: "#c9d3dd" }),
          Plot.geo(shapes, {
            fill: (c: Country) => byNumeric.get(String(c.id)),
            stroke: "#ffffff",
            strokeWidth: 0.5,
            title: (c: Country) => {
              const n = byNumeric.get(String(c.id));
              return n === undefined ? c.properties.name : `${c.properties.name}: ${formatCount(n)} events`;
            },
          }),
          // Arcs bent in screen space: great circles between distant states would run over the pole.
          Plot.arrow(arcs, {
            x1: (a: Arc) => a.from.lng,
            y1: (a: Arc) => a.from.lat,
            x2: (a: Arc) => a.to.lng,
            y2: (a: Arc) => a.to.lat,
            stroke: (a: Arc) => goldsteinColour(a.goldsteinMean),
            strokeWidth: (a: Arc) => 1.5 + (8 * a.events) / maxEvents,
            strokeOpacity: 0.8,
            bend: 18,
            headLength: 0,
            title: (a: Arc) =>
              `${countryName(a.a) ?? a.a} – ${countryName(a.b) ?? a.b}: ${formatCount(a.events)} events, mean Goldstein ${formatGoldstein(a.goldsteinMean)}`,
          }),
          Plot.dot(labels, { x: "lng", y: "lat", r: 2.5, fill: "#1b2430" }),
          Plot.text(labels, {
            x: "lng",
            y: "lat",
            text: "name",
            dy: -9,
            fontSize: 11,
            fontWeight: 600,
            fill: "#1b2430",
            stroke: "white",
            strokeWidth: 3,
          }),
        ],
      });
    },
    [activity, arcs, countries, scope],
  );
  const ranked = [...activity].sort((x, y) => y[1] - x[1]);
  const ready = events.state === "ready" && world.state === "ready";
  return (
    <section data-testid="map" data-state={ready ? "ready" : "loading"} aria-labelledby="map-title">
      <h1 id="map-title">Map</h1>
      <Loaded
        resource={events}
        what="events"
        ready={(page) =>
          activity.size === 0 ? (
            <Empty>No events involving states yet.</Empty>
          ) : (
            <>
              <div class="toolbar" role="group" aria-label="Map extent">
                <button
                  type="button"
                  aria-pressed={scope === "region"}
                  onClick={() => {
                    navigate(withParams(place, { scope: null }), { replace: true });
                  }}
                >
                  Active region
                </button>
                <button
                  type="button"
                  aria-pressed={scope === "world"}
                  onClick={() => {
                    navigate(withParams(place, { scope: "world" }), { replace: true });
                  }}
                >
                  World
                </button>
                <span class="note">
                  Countries shaded by events; arcs join the two sides of each pair, coloured by mean Goldstein
                  (red conflict, blue cooperation).
                </span>
              </div>
              <Loaded
                resource={world}
                what="the world map"
                ready={() => (
                  <Figure build={build} label="World map of events by country, with arcs between pairs" />
                )}
              />
              {page.total > page.items.length ? (
                <p class="note">
                  Drawn from the first {formatCount(MAX_PAGE)} of {formatCount(page.total)} events.
                </p>
              ) : null}
              <div class="table-wrap">
                <table>
                  <caption>States by number of events</caption>
                  <thead>
                    <tr>
                      <th scope="col">State</th>
                      <th scope="col" class="num">
                        Events
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {ranked.slice(0, 30).map(([code, n]) => (
                      <tr key={code}>
                        <td>
                          <a href={href("/timeline", { actor: code })}>{countryName(code) ?? code}</a>
                        </td>
                        <td class="num">{formatCount(n)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      />
    </section>
  );
}
