import { useEffect, useState } from "preact/hooks";
import type { AlertFiring } from "../../../src/core/alerts.ts";

/**
 * Alert firings as they happen: one EventSource on `/api/alerts/stream` for
 * the page, the firings it brought, and how many the analyst has not seen
 * (the last firing seen is remembered in localStorage, per browser).
 */

export interface AlertState {
  /** Firings stored after the last one seen. */
  readonly unseen: number;
  /** Firings pushed since the page opened, newest first. */
  readonly live: readonly AlertFiring[];
}

const SEEN_KEY = "triangulate:alerts-seen";
let state: AlertState = { unseen: 0, live: [] };
const listeners = new Set<(state: AlertState) => void>();
let source: EventSource | null = null;

function lastSeen(): number {
  const stored = Number(localStorage.getItem(SEEN_KEY));
  return Number.isSafeInteger(stored) && stored > 0 ? stored : 0;
}

function publish(next: AlertState): void {
  state = next;
  for (const listener of listeners) listener(state);
}

/** Opens the stream (once) and counts the firings not seen yet. */
function connect(): void {
  if (source) return;
  source = new EventSource("/api/alerts/stream");
  source.addEventListener("firing", (message: MessageEvent<string>) => {
    const firing = JSON.parse(message.data) as AlertFiring;
    if (state.live.some((known) => known.id === firing.id)) return;
    publish({
      unseen: state.unseen + (firing.id > lastSeen() ? 1 : 0),
      live: [firing, ...state.live],
    });
  });
  // The count before the stream: what was stored since this browser last looked.
  void fetch(`/api/alerts/firings?after=${lastSeen()}&limit=1`)
    .then((response) => (response.ok ? (response.json() as Promise<{ total: number }>) : null))
    .then((page) => {
      if (page) publish({ ...state, unseen: state.unseen + page.total });
    })
    .catch(() => undefined);
}

/** Notes every firing up to `id` as seen: the badge clears. */
export function markAlertsSeen(id: number): void {
  if (id > lastSeen()) localStorage.setItem(SEEN_KEY, String(id));
  if (state.unseen !== 0) publish({ ...state, unseen: 0 });
}

/** The live alert state, re-rendering on every firing. */
export function useAlertState(): AlertState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    connect();
    listeners.add(setCurrent);
    setCurrent(state);
    return () => {
      listeners.delete(setCurrent);
    };
  }, []);
  return current;
}
