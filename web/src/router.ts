import { useEffect, useState } from "preact/hooks";

/** Where the app is: a path and its query parameters, read from the URL. */
export interface Place {
  readonly path: string;
  readonly params: URLSearchParams;
}

/** What a view gets: the place (path and query) and the path's captured parts. */
export interface ViewProps {
  readonly place: Place;
  readonly args: readonly string[];
}

const CHANGE = "triangulate:navigate";

/** The place the address bar shows. */
export function currentPlace(): Place {
  return { path: location.pathname, params: new URLSearchParams(location.search) };
}

/**
 * Goes to `href` (same origin) with the History API. `replace` is for state
 * that should not add a back-button step (typing in a filter, zooming).
 */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  const url = new URL(href, location.href);
  if (url.href === location.href) return;
  if (options.replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  window.dispatchEvent(new Event(CHANGE));
}

/** Re-renders everything that reads the place, without moving. */
export function refresh(): void {
  window.dispatchEvent(new Event(CHANGE));
}

/** The current place, updated on every navigation (links, back/forward, `navigate`). */
export function usePlace(): Place {
  const [place, setPlace] = useState(currentPlace);
  useEffect(() => {
    const update = () => {
      setPlace(currentPlace());
    };
    window.addEventListener("popstate", update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return place;
}

/** `path?key=value&...`, leaving out empty values. */
export function href(path: string, params: Readonly<Record<string, string | null | undefined>> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** The current URL with some parameters changed (null removes one). */
export function withParams(place: Place, changes: Readonly<Record<string, string | null>>): string {
  const params = new URLSearchParams(place.params);
  for (const [key, value] of Object.entries(changes)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const query = params.toString();
  return query ? `${place.path}?${query}` : place.path;
}

/**
 * Lets ordinary `<a href="/...">` links route inside the app: real links stay
 * keyboard- and middle-click-friendly, and plain clicks do not reload.
 */
export function interceptLinks(root: HTMLElement): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target.closest("a[href]") : null;
    // SVG links too (the network's nodes and edges): their href is an attribute like any other.
    const link = target?.getAttribute("href");
    if (!target || link == null || target.getAttribute("target") || target.hasAttribute("download")) return;
    const url = new URL(link, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith("/api/")) return;
    event.preventDefault();
    navigate(url.href);
  };
  root.addEventListener("click", onClick);
  return () => {
    root.removeEventListener("click", onClick);
  };
}
