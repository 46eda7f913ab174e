import { periodOf } from "../../../src/core/calendar.ts";
import type { Interval } from "../../../src/core/calendar.ts";
import type { IsoDate } from "../../../src/core/ids.ts";

/** The parts of an event cluster that place it in a dyad's period. */
export interface PlacedEvent {
  readonly sourceCountry: string | null;
  readonly targetCountry: string | null;
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
 * rules as the server's series: two different states, and a date precise
 * enough for the interval (an event known to its year is in no month).
 */
export function inPairPeriod(cluster: PlacedEvent, query: PairEventsQuery): boolean {
  const { sourceCountry: s, targetCountry: t } = cluster;
  if (s === null || t === null) return false;
  const forward = s === query.a && t === query.b;
  const backward = s === query.b && t === query.a;
  if (!(forward || (backward && !query.directed))) return false;
  if (query.period === null) return true;
  return cluster.date !== null && periodOf(cluster.date, query.interval) === query.period;
}
