import countries from "virtual:countries";
import { isGroupCode, sideKey } from "../../../src/core/codes.ts";
import type { ActorItem, EventItem } from "../api.ts";

/** The state's common name; none for codes that are not states (`MUS` is CAMEO's Muslims, not Mauritius). */
export function countryName(code: string): string | undefined {
  return isGroupCode(code) ? undefined : countries[code]?.name;
}

export function countryPoint(code: string): { lat: number; lng: number; ccn3: string } | undefined {
  return countries[code];
}

/** Names for actor ids and country codes, from the actors list and the country table. */
export function createNamer(actors: readonly Pick<ActorItem, "id" | "name">[] = []): (key: string) => string {
  const names = new Map(actors.map((a) => [a.id as string, a.name]));
  return (key) => countryName(key) ?? names.get(key) ?? key;
}

export interface Dyad {
  /** `A~B` with the two keys sorted. */
  readonly key: string;
  readonly a: string;
  readonly b: string;
  readonly events: readonly EventItem[];
  readonly goldsteinMean: number;
}

export function dyadKey(a: string, b: string): string {
  return a < b ? `${a}~${b}` : `${b}~${a}`;
}

/** Undirected pairs of sides with their events, most events first. Events without a target are left out. */
export function dyadsOf(events: readonly EventItem[]): Dyad[] {
  const byKey = new Map<string, EventItem[]>();
  for (const event of events) {
    if (event.target === null) continue;
    const a = sideKey(event.source, event.sourceCountry);
    const b = sideKey(event.target, event.targetCountry);
    if (a === b) continue;
    const key = dyadKey(a, b);
    const list = byKey.get(key);
    if (list) list.push(event);
    else byKey.set(key, [event]);
  }
  return [...byKey.entries()]
    .map(([key, list]) => {
      const [a = "", b = ""] = key.split("~");
      const goldsteinMean = list.reduce((sum, e) => sum + e.goldstein, 0) / list.length;
      return { key, a, b, events: list, goldsteinMean };
    })
    .sort((x, y) => y.events.length - x.events.length || x.key.localeCompare(y.key));
}

/** Events per side (either direction), most first. */
export function activityOf(events: readonly EventItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const event of events) {
    const a = sideKey(event.source, event.sourceCountry);
    add(a);
    if (event.target !== null) {
      const b = sideKey(event.target, event.targetCountry);
      if (b !== a) add(b);
    }
  }
  return counts;
}
