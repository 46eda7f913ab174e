import * as Plot from "@observablehq/plot";
import { useCallback, useEffect, useMemo } from "preact/hooks";
import type { EventItem, PairItem } from "../api.ts";
import { usePairCounts } from "../analysis-data.ts";
import { pairCountText } from "../lib/pair-counts.ts";
import type { Dyad } from "../lib/actors.ts";
import type { EventsPage } from "../api.ts";
import { MAX_PAGE } from "../../../src/core/limits.ts";
import { bodyOf, client } from "../api.ts";
import { EventTable } from "../components/event-table.tsx";
import { rootCountsPlot } from "../charts/root-counts.ts";
import type { RootCount } from "../charts/root-counts.ts";
import { Figure } from "../components/figure.tsx";
import { Empty, Loaded } from "../components/states.tsx";
import { both, useActors, useEvents, useStats } from "../data.ts";
import { createNamer, dyadsOf } from "../lib/actors.ts";
import { goldsteinColour } from "../lib/quad-style.ts";
import { formatCount, formatGoldstein } from "../lib/format.ts";
import { useResource } from "../lib/resource.ts";
import { href } from "../router.ts";
import type { Place } from "../router.ts";
import { TimeScopeControl } from "../components/time-scope.tsx";
import { isScoped, scopeOf, scopeQuery, withScope } from "../lib/time-scope.ts";
import type { TimeScope } from "../lib/time-scope.ts";

function latest(events: readonly EventItem[], n: number): EventItem[] {
  return events
    .filter((e) => e.date !== null)
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || b.id.localeCompare(a.id))
    .slice(0, n);
}

/** Events per CAMEO root, from the store's own counts (all events, not only those loaded). */
function RootChart({ byRoot }: { byRoot: readonly RootCount[] }) {
  const build = useCallback((width: number) => Plot.plot(rootCountsPlot(byRoot, width)), [byRoot]);
  return <Figure build={build} label="Events by CAMEO root" />;
}

/**
 * The most recent dated events. Events come oldest first (undated last), so
 * when not all are loaded, the last page holds the latest.
 */
function LatestEvents({
  page,
  name,
  scope,
}: {
  page: EventsPage;
  name: (key: string) => string;
  scope: TimeScope;
}) {
  const complete = page.total <= page.items.length;
  const offset = Math.max(0, page.total - TAIL);
  const tail = useResource<EventsPage>(
    complete ? null : `events-tail-${offset}-${scope.from ?? ""}-${scope.to ?? ""}`,
    async () =>
      bodyOf(
        await client.api.events.$get({
          query: { limit: String(TAIL), offset: String(offset), ...scopeQuery(scope) },
        }),
      ),
  );
  const source = complete ? { state: "ready" as const, data: page } : tail;
  return (
    <Loaded
      resource={source}
      what="the latest events"
      ready={(events) => (
        <EventTable
          events={latest(events.items, 10)}
          name={name}
          caption="The ten most recent dated events"
        />
      )}
    />
  );
}

const TAIL = 500;

/** A pair's counts as every view words them; its reports alone until the merged events are known. */
function pairSummary(dyad: Dyad, counts: ReadonlyMap<string, PairItem> | null): string {
  const count = counts?.get(dyad.key);
  return count ? pairCountText(count).summary : `${formatCount(dyad.events.length)} reports`;
}

/** Events per CAMEO root among `events`: the chart's bars when a time scope narrows the store's counts. */
function rootCountsOf(events: readonly EventItem[]): RootCount[] {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.root, (counts.get(event.root) ?? 0) + 1);
  return [...counts].map(([root, n]) => ({ root, events: n }));
}

export function OverviewView({ place }: { place: Place }) {
  const scope = scopeOf(place.params);
  const stats = useStats();
  const data = both(useEvents(scopeQuery(scope)), useActors());
  const pairCounts = usePairCounts(scope);
  const counts = pairCounts.state === "ready" ? pairCounts.data : null;
  const scopedRoots = useMemo(
    () => (isScoped(scope) && data.state === "ready" ? rootCountsOf(data.data[0].items) : null),
    [data.state === "ready" ? data.data[0] : null, isScoped(scope)],
  );
  useEffect(() => {
    if (data.state === "ready") performance.mark("overview-ready");
  }, [data.state]);
  return (
    <section data-testid="overview" aria-labelledby="overview-title">
      <h1 id="overview-title">Overview</h1>
      <TimeScopeControl place={place} count={data.state === "ready" ? data.data[0].total : undefined} />
      <Loaded
        resource={stats}
        what="counts"
        ready={(s) => (
          <ul class="stat-cards" aria-label="Counts">
            {(
              [
                ["Documents", s.documents, "/search"],
                ["Actors", s.actors, withScope("/network", place.params)],
                [
                  isScoped(scope) ? "Events in range" : "Events",
                  isScoped(scope) && data.state === "ready" ? data.data[0].total : s.events,
                  withScope("/timeline", place.params),
                ],
                ["Claims", s.claims, "/claims"],
              ] as const
            ).map(([label, n, to]) => (
              <li key={label}>
                <a
                  href={to}
                  class="stat-card"
                  data-testid={`stat-${label.split(" ")[0]?.toLowerCase() ?? ""}`}
                >
                  <span class="stat-value">{formatCount(n)}</span>
                  <span class="stat-label">{label}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      />
      <Loaded
        resource={data}
        what="events"
        ready={([page, actors]) => {
          if (page.items.length === 0) {
            return isScoped(scope) ? (
              <Empty>No events in this range.</Empty>
            ) : (
              <Empty>No events yet. Ingest some articles with `triangulate ingest`.</Empty>
            );
          }
          const name = createNamer(actors.items);
          const dyads = dyadsOf(page.items).slice(0, 10);
          return (
            <>
              {page.total > page.items.length ? (
                <p class="note">
                  Figures below use the first {formatCount(MAX_PAGE)} of {formatCount(page.total)} events.
                </p>
              ) : null}
              <div class="columns">
                <section aria-labelledby="dyads-title">
                  <h2 id="dyads-title">Most active dyads</h2>
                  <ol class="dyads" data-testid="top-dyads">
                    {dyads.map((d) => (
                      <li key={d.key}>
                        <a href={withScope(href("/network", { edge: d.key }), place.params)}>
                          {name(d.a)} – {name(d.b)}
                        </a>
                        <span class="count" data-testid="top-dyad-count">
                          {pairSummary(d, counts)}
                        </span>
                        <span class="badge" style={{ background: goldsteinColour(d.goldsteinMean) }}>
                          {formatGoldstein(d.goldsteinMean)}
                        </span>
                      </li>
                    ))}
                  </ol>
                </section>
                <section aria-labelledby="roots-title">
                  <h2 id="roots-title">Events by kind</h2>
                  {scopedRoots ? (
                    <RootChart byRoot={scopedRoots} />
                  ) : stats.state === "ready" ? (
                    <RootChart byRoot={stats.data.eventsByRoot} />
                  ) : null}
                </section>
              </div>
              <section aria-labelledby="latest-title">
                <h2 id="latest-title">Latest events</h2>
                <LatestEvents page={page} name={name} scope={scope} />
              </section>
            </>
          );
        }}
      />
    </section>
  );
}
