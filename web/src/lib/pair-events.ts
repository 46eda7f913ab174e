import { periodOf } from "../../../src/core/calendar.ts";
import type { Interval } from "../../../src/core/calendar.ts";
import type { IsoDate } from "../../../src/core/ids.ts";
import type { PlaceableEvent } from "../../../src/core/pair-placement.ts";
import { pairPlacement } from "../../../src/core/pair-placement.ts";

/** The parts of an event cluster that place it in a dyad's period. */
export interface PlacedEvent extends PlaceableEvent {
  readonly date: IsoDate | null;
}

/** Which events of a pair to list: a pair of states and a period (or every period). */
export interface PairEventsQuery {
  readonly a: string;
  readonly b: string;
  /** Keep only `a` acting on `b`. */
  readonly directed: boolean;
  readonly interval: Interval;
  /** A period of `interval`, or null for every event of the pair, dated or not. */
  readonly period: string | null;
}

/**
 * Whether an event cluster belongs to the pair in the period, by the same
 * rules as the server's series: two different states (or one and the state
 * where an event with an unidentified other side happened, in undirected
 * series only: `pairPlacement`), and a date precise enough for the interval
 * (an event known to its year is in no month).
 */
export function inPairPeriod(cluster: PlacedEvent, query: PairEventsQuery): boolean {
  const placement = pairPlacement(cluster);
  if (placement === null || (query.directed && placement.unknown !== null)) return false;
  const { source: s, target: t } = placement;
  const forward = s === query.a && t === query.b;
  const backward = s === query.b && t === query.a;
  if (!(forward || (backward && !query.directed))) return false;
  if (query.period === null) return true;
  return cluster.date !== null && periodOf(cluster.date, query.interval) === query.period;
}
