import { useEffect, useState } from "preact/hooks";
import { refresh } from "../router.ts";

export type Resource<T> =
  | { readonly state: "loading" }
  | { readonly state: "error"; readonly error: Error }
  | { readonly state: "ready"; readonly data: T };

/** Loads a resource; keyed by what it loads, so that views and prefetches share it. */
export type Loader<T> = () => Promise<T>;

const TTL_MS = 30_000;

interface Entry {
  readonly at: number;
  readonly promise: Promise<unknown>;
  /** Set once the promise has settled well. */
  data?: unknown;
  done: boolean;
}

const cache = new Map<string, Entry>();
/** Bumped by `retryAll`, so that every mounted resource loads again. */
let generation = 0;

/**
 * The one load of `key`: a fresh cached result or load in flight is shared
 * (a view and the prefetch its route started get the same request); a failed
 * load is forgotten so that the next asks again.
 */
export function loadShared<T>(key: string, load: Loader<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.promise as Promise<T>;
  const entry: Entry = { at: Date.now(), promise: load(), done: false };
  entry.promise.then(
    (data) => {
      entry.data = data;
      entry.done = true;
    },
    () => {
      if (cache.get(key) === entry) cache.delete(key);
    },
  );
  cache.set(key, entry);
  return entry.promise as Promise<T>;
}

function readyNow<T>(key: string | null): Resource<T> | null {
  const hit = key === null ? undefined : cache.get(key);
  return hit?.done && Date.now() - hit.at < TTL_MS ? { state: "ready", data: hit.data as T } : null;
}

/**
 * Loads `key` with `load` (shared through `loadShared`), loading again when
 * the key changes; the result of a replaced key is ignored. Results are kept
 * for a short while, so that moving between views does not fetch again.
 */
export function useResource<T>(key: string | null, load: Loader<T>): Resource<T> {
  const [resource, setResource] = useState<{ key: string | null; value: Resource<T> }>(() => ({
    key,
    value: readyNow<T>(key) ?? { state: "loading" },
  }));
  const epoch = generation;
  useEffect(() => {
    if (key === null) return undefined;
    const ready = readyNow<T>(key);
    if (ready) {
      setResource({ key, value: ready });
      return undefined;
    }
    setResource({ key, value: { state: "loading" } });
    let live = true;
    loadShared(key, load).then(
      (data) => {
        if (live) setResource({ key, value: { state: "ready", data } });
      },
      (error: unknown) => {
        if (live) {
          setResource({
            key,
            value: { state: "error", error: error instanceof Error ? error : new Error(String(error)) },
          });
        }
      },
    );
    return () => {
      live = false;
    };
    // `load` is derived from `key`; the key (and a retry) alone decide when to reload.
  }, [key, epoch]);
  // Until the effect runs for a new key, report what is known of it rather than stale data.
  if (resource.key !== key) return readyNow<T>(key) ?? { state: "loading" };
  return resource.value;
}

/** Forgets every cached result and reloads what is on screen (the "Try again" button). */
export function retryAll(): void {
  cache.clear();
  generation += 1;
  refresh();
}
