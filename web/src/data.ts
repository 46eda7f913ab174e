import type { ActorsPage, EventsPage, StatsBody } from "./api.ts";
import { bodyOf, client, fetchEvents } from "./api.ts";
import { loadShared, useResource } from "./lib/resource.ts";
import type { Resource } from "./lib/resource.ts";

// Each resource is a key and a loader, used by the views' hooks and by the
// routes' prefetch (which starts the requests while the view's code loads).

export interface EventFilters {
  readonly actor?: string | undefined;
  readonly root?: string | undefined;
  /** The time scope's bounds (see `scopeQuery`): only valid dates, which the events endpoints accept. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

const stats = { key: "stats", load: async (): Promise<StatsBody> => bodyOf(await client.api.stats.$get()) };
const actors = {
  key: "actors",
  load: async (): Promise<ActorsPage> => bodyOf(await client.api.actors.$get()),
};

function events(filters: EventFilters) {
  return {
    key: `events?actor=${filters.actor ?? ""}&root=${filters.root ?? ""}&from=${filters.from ?? ""}&to=${filters.to ?? ""}`,
    load: (): Promise<EventsPage> => fetchEvents(filters),
  };
}

export function useStats(): Resource<StatsBody> {
  return useResource(stats.key, stats.load);
}

export function useActors(): Resource<ActorsPage> {
  return useResource(actors.key, actors.load);
}

/** Events for the views, filtered on the server by actor, CAMEO root and dates. */
export function useEvents(filters: EventFilters = {}): Resource<EventsPage> {
  const { key, load } = events(filters);
  return useResource(key, load);
}

/** Starts loading what the event views need; errors surface in the views. */
export function prefetchEvents(filters: EventFilters = {}, withStats = false): void {
  const all = [events(filters), actors, ...(withStats ? [stats] : [])];
  for (const { key, load } of all) loadShared<unknown>(key, load).catch(() => undefined);
}

/** Combines resources: loading until all are ready, the first error otherwise. */
export function both<A, B>(a: Resource<A>, b: Resource<B>): Resource<[A, B]> {
  if (a.state === "error") return a;
  if (b.state === "error") return b;
  if (a.state === "loading" || b.state === "loading") return { state: "loading" };
  return { state: "ready", data: [a.data, b.data] };
}
