import { countOf } from "./format.ts";

/** An edge's sign resting on this many events or fewer is a hint, not a finding. */
export const THIN_EDGE_EVENTS = 2;

export interface CountedEdge {
  readonly a: string;
  readonly b: string;
  readonly events: number;
}

/**
 * The caveat a triangle's verdict needs when one of its edges rests on
 * `THIN_EDGE_EVENTS` events or fewer: which edges, fewest events first; null
 * when every edge has more.
 *
 * @example
 * verdictCaveat([{ a: "AZE", b: "ISR", events: 1 }, ...], name)
 * // "Rests on 1 event between Azerbaijan and Israel"
 */
export function verdictCaveat(edges: readonly CountedEdge[], name: (code: string) => string): string | null {
  const thin = edges
    .filter((edge) => edge.events <= THIN_EDGE_EVENTS)
    .sort((x, y) => x.events - y.events || (x.a + x.b < y.a + y.b ? -1 : 1));
  if (thin.length === 0) return null;
  const parts = thin.map(
    (edge) => `${countOf(edge.events, "event", "events")} between ${name(edge.a)} and ${name(edge.b)}`,
  );
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1) ?? ""}`;
  return `Rests on ${list}`;
}
