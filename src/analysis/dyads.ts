import type { IsoDate } from "../core/ids.ts";
import type { CountryCode } from "../core/records.ts";
import type { Interval } from "../core/calendar.ts";
import { periodOf } from "../core/calendar.ts";
import { pairPlacement } from "../core/pair-placement.ts";
import { quadClassOf } from "../core/quad-class.ts";
import type { DyadRow, EventCluster } from "./types.ts";

export interface DyadOptions {
  readonly interval: Interval;
  /** Keep `a` acting on `b` apart from `b` on `a`; by default a pair is one dyad, sorted. */
  readonly directed?: boolean;
}

/** An event cluster that a dyad series can place: two different states and a date. */
export interface DyadicEvent {
  readonly cluster: EventCluster;
  readonly a: CountryCode;
  readonly b: CountryCode;
  readonly date: IsoDate;
  /** For a side the text leaves unidentified, what the pair stands on ("attacker unknown, in IRN"); else null. */
  readonly note: string | null;
}

/** Rounds away floating-point dust (0.1 + 0.2) for output; Goldstein values have one decimal. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The clusters that take part in dyads: with a date and a pair of states
 * (`pairPlacement`: two different states, or one and the state where an
 * event with an unidentified other side happened, noted). Pairs are sorted
 * unless `directed`; a directed series says who acts on whom, which an
 * unidentified side does not tell, so it leaves those events out.
 */
export function dyadicEvents(clusters: readonly EventCluster[], directed = false): DyadicEvent[] {
  const result: DyadicEvent[] = [];
  for (const cluster of clusters) {
    const placement = pairPlacement(cluster);
    if (placement === null || cluster.date === null || (directed && placement.unknown !== null)) continue;
    const { source: s, target: t, note } = placement;
    const [a, b] = directed || s < t ? [s, t] : [t, s];
    result.push({ cluster, a, b, date: cluster.date, note });
  }
  return result;
}

/** A row's notes: each once, with how many events when more than one. */
function notesOf(notes: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const note of notes) counts.set(note, (counts.get(note) ?? 0) + 1);
  return [...counts].map(([note, n]) => (n === 1 ? note : `${note} (${n} events)`));
}

/**
 * Dyad series: per pair of states and per period, the number of events, the
 * Goldstein sum and mean, and counts per quad class (`quadClassOf`). Each
 * event cluster counts once, however many documents report it. Events dated
 * less precisely than the interval are left out (see `periodOf`); periods
 * without events are left out too. Sorted by pair, then period.
 *
 * @example dyadSeries(clusters, { interval: "quarter" })
 * // [{ a: "AZE", b: "IRN", period: "2023-Q1", events: 3, goldstein: -9, goldsteinMean: -3, ... }]
 */
export function dyadSeries(clusters: readonly EventCluster[], options: DyadOptions): DyadRow[] {
  const rows = new Map<
    string,
    { -readonly [K in keyof Omit<DyadRow, "notes">]: DyadRow[K] } & { notes: string[] }
  >();
  for (const { cluster, a, b, date, note } of dyadicEvents(clusters, options.directed)) {
    const period = periodOf(date, options.interval);
    if (period === null) continue;
    const key = `${a}|${b}|${period}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        a,
        b,
        period,
        events: 0,
        goldstein: 0,
        goldsteinMean: 0,
        verbalCooperation: 0,
        materialCooperation: 0,
        verbalConflict: 0,
        materialConflict: 0,
        notes: [],
      };
      rows.set(key, row);
    }
    row.events++;
    if (note !== null) row.notes.push(note);
    row.goldstein += cluster.goldstein;
    const quad = quadClassOf(cluster.root);
    if (quad) row[quad]++;
  }
  return [...rows.values()]
    .map((row) => ({
      ...row,
      goldstein: round2(row.goldstein),
      goldsteinMean: round2(row.goldstein / row.events),
      notes: notesOf(row.notes),
    }))
    .sort((x, y) =>
      x.a !== y.a
        ? x.a < y.a
          ? -1
          : 1
        : x.b !== y.b
          ? x.b < y.b
            ? -1
            : 1
          : x.period < y.period
            ? -1
            : x.period > y.period
              ? 1
              : 0,
    );
}
