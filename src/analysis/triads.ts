import type { CountryCode } from "../core/records.ts";
import { round2 } from "./dyads.ts";
import type { Interval } from "../core/calendar.ts";
import { periodOf } from "../core/calendar.ts";
import type { EventCluster, Triad, TriadEdge } from "./types.ts";

export interface TriadOptions {
  /** Windows the signs are taken over; `all` takes every event, dated or not. */
  readonly interval?: Interval | "all";
  /** Events each edge needs in a window for the triangle to be judged there. */
  readonly minEvents?: number;
  /** Only triangles of these states (at least three codes). */
  readonly actors?: readonly string[];
}

const DEFAULTS = { interval: "year", minEvents: 1 } as const;

/** An edge with this many events or fewer is thin: its sign is one event's say, or two's. */
export const THIN_EDGE = 2;

interface EdgeTotals {
  events: number;
  goldstein: number;
}

/**
 * The caveat of a verdict that rests on thin edges, naming each:
 * "The AZE–IRN edge rests on 1 event and the IRN–ISR edge on 2: one more
 * event could turn the verdict."
 */
export function thinCaveat(edges: readonly TriadEdge[]): string | null {
  const thin = edges.filter((edge) => edge.thin);
  const [first, ...rest] = thin;
  if (!first) return null;
  const count = (n: number): string => `${n} event${n === 1 ? "" : "s"}`;
  const parts = [
    `The ${first.a}–${first.b} edge rests on ${count(first.events)}`,
    ...rest.map((edge) => `the ${edge.a}–${edge.b} edge on ${edge.events}`),
  ];
  const joined = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1) ?? ""}`;
  return `${joined ?? ""}: one more event could turn the verdict.`;
}

/** Structural balance (Heider): a triangle is balanced when the product of its edge signs is positive. */
export function isBalanced(signs: readonly (-1 | 0 | 1)[]): boolean | null {
  if (signs.includes(0)) return null;
  return signs.reduce<number>((product, sign) => product * sign, 1) > 0;
}

/**
 * Triangles of states and their balance over time. In each window, each
 * pair of states with at least `minEvents` event clusters (either
 * direction) is an edge, signed by its mean Goldstein value; each triangle
 * of such edges is reported with its three edges and whether it is balanced
 * ("the friend of my friend is my friend; the enemy of my enemy is my
 * friend": + + +, or two − and one +). Events dated less precisely than the
 * window are left out of it (see `periodOf`).
 *
 * @example findTriads(clusters, { actors: ["AZE", "IRN", "ISR"] })
 */
export function findTriads(clusters: readonly EventCluster[], options: TriadOptions = {}): Triad[] {
  const interval = options.interval ?? DEFAULTS.interval;
  const minEvents = options.minEvents ?? DEFAULTS.minEvents;
  const wanted = options.actors ? new Set(options.actors) : null;

  const windows = new Map<string, Map<string, EdgeTotals>>();
  for (const cluster of clusters) {
    const { sourceCountry: s, targetCountry: t, date } = cluster;
    if (s === null || t === null || s === t) continue;
    if (wanted && !(wanted.has(s) && wanted.has(t))) continue;
    const window = interval === "all" ? "all" : date === null ? null : periodOf(date, interval);
    if (window === null) continue;
    let edges = windows.get(window);
    if (!edges) windows.set(window, (edges = new Map<string, EdgeTotals>()));
    const key = s < t ? `${s}|${t}` : `${t}|${s}`;
    const totals = edges.get(key) ?? { events: 0, goldstein: 0 };
    totals.events++;
    totals.goldstein += cluster.goldstein;
    edges.set(key, totals);
  }

  const triads: Triad[] = [];
  for (const [window, edges] of windows) {
    const neighbours = new Map<CountryCode, Set<CountryCode>>();
    const link = (x: CountryCode, y: CountryCode): void => {
      const set = neighbours.get(x);
      if (set) set.add(y);
      else neighbours.set(x, new Set([y]));
    };
    for (const [key, totals] of edges) {
      if (totals.events < minEvents) continue;
      const [a, b] = key.split("|") as [CountryCode, CountryCode];
      link(a, b);
      link(b, a);
    }
    const edge = (a: CountryCode, b: CountryCode): TriadEdge => {
      const totals = edges.get(`${a}|${b}`) ?? { events: 0, goldstein: 0 };
      const mean = totals.events === 0 ? 0 : round2(totals.goldstein / totals.events);
      const sign = mean > 0 ? 1 : mean < 0 ? -1 : 0;
      return { a, b, events: totals.events, goldsteinMean: mean, sign, thin: totals.events <= THIN_EDGE };
    };
    // Each triangle a < b < c once: from each edge a–b, the common neighbours above b.
    for (const [a, aNext] of neighbours) {
      for (const b of aNext) {
        if (b <= a) continue;
        for (const c of neighbours.get(b) ?? []) {
          if (c <= b || !aNext.has(c)) continue;
          const triangle: [TriadEdge, TriadEdge, TriadEdge] = [edge(a, b), edge(a, c), edge(b, c)];
          triads.push({
            id: `tr-${a}-${b}-${c}-${window}`,
            actors: [a, b, c],
            window,
            edges: triangle,
            balanced: isBalanced(triangle.map((e) => e.sign)),
            caveat: thinCaveat(triangle),
          });
        }
      }
    }
  }
  return triads.sort((x, y) => {
    const ax = x.actors.join("-");
    const ay = y.actors.join("-");
    return ax !== ay ? (ax < ay ? -1 : 1) : x.window < y.window ? -1 : x.window > y.window ? 1 : 0;
  });
}
