import * as Plot from "@observablehq/plot";
import { useCallback, useEffect } from "preact/hooks";
import type { EventItem } from "../api.ts";
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
function LatestEvents({ page, name }: { page: EventsPage; name: (key: string) => string }) {
  const complete = page.total <= page.items.length;
  const offset = Math.max(0, page.total - TAIL);
  const tail = useResource<EventsPage>(complete ? null : `events-tail-${offset}`, async () =>
    bodyOf(await client.api.events.$get({ query: { limit: String(TAIL), offset: String(offset) } })),
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

export function OverviewView() {
  const stats = useStats();
  const data = both(useEvents(), useActors());
  useEffect(() => {
    if (data.state === "ready") performance.mark("overview-ready");
  }, [data.state]);
  return (
    <section data-testid="overview" aria-labelledby="overview-title">
      <h1 id="overview-title">Overview</h1>
      <Loaded
        resource={stats}
        what="counts"
        ready={(s) => (
          <ul class="stat-cards" aria-label="Counts">
            {(
              [
                ["Documents", s.documents, "/search"],
                ["Actors", s.actors, "/network"],
                ["Events", s.events, "/timeline"],
                ["Claims", s.claims, "/claims"],
              ] as const
            ).map(([label, n, to]) => (
              <li key={label}>
                <a href={to} class="stat-card" data-testid={`stat-${label.toLowerCase()}`}>
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
            return <Empty>No events yet. Ingest some articles with `triangulate ingest`.</Empty>;
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
                        <a href={href("/network", { edge: d.key })}>
                          {name(d.a)} – {name(d.b)}
                        </a>
                        <span class="count">{formatCount(d.events.length)} events</span>
                        <span class="badge" style={{ background: goldsteinColour(d.goldsteinMean) }}>
                          {formatGoldstein(d.goldsteinMean)}
                        </span>
                      </li>
                    ))}
                  </ol>
                </section>
                <section aria-labelledby="roots-title">
                  <h2 id="roots-title">Events by kind</h2>
                  {stats.state === "ready" ? <RootChart byRoot={stats.data.eventsByRoot} /> : null}
                </section>
              </div>
              <section aria-labelledby="latest-title">
                <h2 id="latest-title">Latest events</h2>
                <LatestEvents page={page} name={name} />
              </section>
            </>
          );
        }}
      />
    </section>
  );
}
