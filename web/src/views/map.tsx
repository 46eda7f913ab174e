import * as Plot from "@observablehq/plot";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import worldUrl from "world-atlas/countries-50m.json?url";
import { useCallback, useMemo } from "preact/hooks";
import { MAX_PAGE } from "../../../src/core/limits.ts";
import { regionOf, worldMapPlot } from "../charts/world-map.ts";
import type { Arc, Country } from "../charts/world-map.ts";
import { Figure } from "../components/figure.tsx";
import { Empty, Loaded } from "../components/states.tsx";
import { useEvents } from "../data.ts";
import { isStateCode } from "../../../src/core/codes.ts";
import { activityOf, countryName, countryPoint, dyadsOf } from "../lib/actors.ts";
import { formatCount } from "../lib/format.ts";
import { useResource } from "../lib/resource.ts";
import { href, navigate, withParams } from "../router.ts";
import type { Place } from "../router.ts";
import { TimeScopeControl } from "../components/time-scope.tsx";
import { isScoped, scopeOf, scopeQuery, withScope } from "../lib/time-scope.ts";

/** Natural Earth 1:50m countries from the world-atlas package, served with the UI (no tiles, no network). */
async function loadWorld(): Promise<Country[]> {
  const response = await fetch(worldUrl);
  if (!response.ok) throw new Error(`world map: HTTP ${response.status}`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>)
    .features;
}

export function MapView({ place }: { place: Place }) {
  const dates = scopeOf(place.params);
  const events = useEvents(scopeQuery(dates));
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
      const labels = [...activity.keys()].flatMap((code) => {
        const point = countryPoint(code);
        return point ? [{ code, ...point, name: countryName(code) ?? code }] : [];
      });
      return Plot.plot(
        worldMapPlot(
          {
            shapes: countries ?? [],
            byNumeric,
            topEvents: Math.max(0, ...activity.values()),
            arcs,
            labels,
            region: scope === "region" ? regionOf(activity, countryPoint) : undefined,
            name: (code) => countryName(code) ?? code,
          },
          width,
        ),
      );
    },
    [activity, arcs, countries, scope],
  );
  const ranked = [...activity].sort((x, y) => y[1] - x[1]);
  const ready = events.state === "ready" && world.state === "ready";
  return (
    <section data-testid="map" data-state={ready ? "ready" : "loading"} aria-labelledby="map-title">
      <h1 id="map-title">Map</h1>
      <TimeScopeControl place={place} count={events.state === "ready" ? events.data.total : undefined} />
      <Loaded
        resource={events}
        what="events"
        ready={(page) =>
          activity.size === 0 ? (
            <Empty>No events involving states{isScoped(dates) ? " in this range" : " yet"}.</Empty>
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
                  <Figure
                    build={build}
                    label="World map of events by country, with arcs between pairs"
                    class="map-figure"
                  />
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
                          <a href={withScope(href("/timeline", { actor: code }), place.params)}>
                            {countryName(code) ?? code}
                          </a>
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
