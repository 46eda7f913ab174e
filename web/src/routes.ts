import type { ComponentType } from "preact";
import { prefetchClaimClusters, prefetchDyads, prefetchSources, prefetchTriads } from "./analysis-data.ts";
import { AlertsBadge } from "./components/alerts-badge.tsx";
import { prefetchEvents } from "./data.ts";
import { isInterval } from "../../src/core/calendar.ts";
import type { Place, ViewProps } from "./router.ts";
import { scopeOf, scopeQuery } from "./lib/time-scope.ts";

export interface Route {
  readonly name: string;
  readonly pattern: RegExp;
  /** The document title. */
  readonly title: string;
  /** Shown in the navigation when set, linking to `nav.href`, with its badge (a live count) after the label. */
  readonly nav?: { readonly label: string; readonly href: string; readonly badge?: ComponentType };
  /** Loads the view; heavy views (Plot's charts, the map) are fetched only when opened. */
  readonly load: () => Promise<ComponentType<ViewProps>>;
  /** Starts the view's requests while its code loads. */
  readonly prefetch?: (place: Place) => void;
}

/** Every view, in navigation order. A new view is one more entry here. */
export const ROUTES: readonly Route[] = [
  {
    name: "overview",
    pattern: /^\/$/,
    title: "Overview",
    nav: { label: "Overview", href: "/" },
    load: async () => (await import("./views/overview.tsx")).OverviewView,
    prefetch: (place) => {
      prefetchEvents(scopeQuery(scopeOf(place.params)), true);
    },
  },
  {
    name: "timeline",
    pattern: /^\/timeline\/?$/,
    title: "Timeline",
    nav: { label: "Timeline", href: "/timeline" },
    load: async () => (await import("./views/timeline.tsx")).TimelineView,
    prefetch: (place) => {
      prefetchEvents({
        actor: place.params.get("actor") ?? undefined,
        root: place.params.get("root") ?? undefined,
        ...scopeQuery(scopeOf(place.params)),
      });
    },
  },
  {
    name: "network",
    pattern: /^\/network\/?$/,
    title: "Network",
    nav: { label: "Network", href: "/network" },
    load: async () => (await import("./views/network.tsx")).NetworkView,
    prefetch: (place) => {
      prefetchEvents(scopeQuery(scopeOf(place.params)));
    },
  },
  {
    name: "map",
    pattern: /^\/map\/?$/,
    title: "Map",
    nav: { label: "Map", href: "/map" },
    load: async () => (await import("./views/map.tsx")).MapView,
    prefetch: (place) => {
      prefetchEvents(scopeQuery(scopeOf(place.params)));
    },
  },
  {
    name: "claims",
    pattern: /^\/claims\/?$/,
    title: "Claims",
    nav: { label: "Claims", href: "/claims" },
    load: async () => (await import("./views/claims.tsx")).ClaimsView,
  },
  {
    name: "compare",
    pattern: /^\/compare\/?$/,
    title: "Compare figures",
    nav: { label: "Compare", href: "/compare" },
    load: async () => (await import("./views/compare.tsx")).CompareView,
    prefetch: () => {
      prefetchClaimClusters();
    },
  },
  {
    name: "dyads",
    pattern: /^\/dyads\/?$/,
    title: "Dyads",
    nav: { label: "Dyads", href: "/dyads" },
    load: async () => (await import("./views/dyads.tsx")).DyadsView,
    prefetch: (place) => {
      const interval = place.params.get("interval");
      prefetchDyads(isInterval(interval) ? interval : "month", place.params.get("directed") === "1");
    },
  },
  {
    name: "triangles",
    pattern: /^\/triangles\/?$/,
    title: "Triangles",
    nav: { label: "Triangles", href: "/triangles" },
    load: async () => (await import("./views/triangles.tsx")).TrianglesView,
    prefetch: (place) => {
      const interval = place.params.get("interval");
      prefetchTriads(interval === "all" ? "all" : isInterval(interval) ? interval : "year");
    },
  },
  {
    name: "sources",
    pattern: /^\/sources\/?$/,
    title: "Sources",
    nav: { label: "Sources", href: "/sources" },
    load: async () => (await import("./views/sources.tsx")).SourcesView,
    prefetch: () => {
      prefetchSources();
    },
  },
  {
    name: "search",
    pattern: /^\/search\/?$/,
    title: "Search",
    nav: { label: "Search", href: "/search" },
    load: async () => (await import("./views/search.tsx")).SearchView,
  },
  {
    name: "alerts",
    pattern: /^\/alerts\/?$/,
    title: "Alerts",
    nav: { label: "Alerts", href: "/alerts", badge: AlertsBadge },
    load: async () => (await import("./views/alerts.tsx")).AlertsView,
  },
  {
    name: "corrections",
    pattern: /^\/corrections\/?$/,
    title: "Corrections",
    nav: { label: "Corrections", href: "/corrections" },
    load: async () => (await import("./views/corrections.tsx")).CorrectionsView,
  },
  {
    name: "reader",
    pattern: /^\/reader\/([^/]+)\/?$/,
    title: "Reader",
    load: async () => (await import("./views/reader.tsx")).ReaderView,
  },
];

export function matchRoute(path: string): { route: Route; args: string[] } | null {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) return { route, args: match.slice(1).map((part) => decodeURIComponent(part)) };
  }
  return null;
}

const views = new Map<Route, Promise<ComponentType<ViewProps>>>();

/**
 * Loads a route's view (once; again only after a failure) and starts its
 * requests. The page's first view is opened before the shell first renders,
 * so that its code and data are on their way while the shell draws.
 */
export function openRoute(route: Route, place: Place): Promise<ComponentType<ViewProps>> {
  let view = views.get(route);
  if (!view) {
    // The code is asked for first: its small files then reach the server before a large query.
    view = route.load();
    views.set(route, view);
    view.catch(() => views.delete(route));
  }
  route.prefetch?.(place);
  return view;
}
