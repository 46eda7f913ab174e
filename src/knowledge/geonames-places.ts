/**
 * Chooses, from GeoNames (cities of 1,000 people or more, and the first-level
 * divisions of each state: provinces, regions, federal states), the places
 * whose name says which state they are in, so that "police in Karachi",
 * "Cleveland officials" or "the West Bengal government" have a state.
 * `scripts/geonames-places.ts` writes the result to `data/actors/places.json`.
 *
 * A name is kept only where it is safe to read as that state's place wherever
 * it is written:
 * - a city of at least `minPopulation` people, or a first-level division of
 *   a state that has such a city (not the parishes of Andorra or Bermuda);
 * - not shared: no other state has a division or a city of `sharedPopulation`
 *   people or more of that name (case, accents and hyphens aside), unless this state's
 *   city of that name is `dominance` times larger ("London" is Britain's, not
 *   Canada's; "Hyderabad" is India's and Pakistan's, so neither's; a division
 *   counts as larger than any city);
 * - not the name, demonym or capital of a state ("Armenia", a Colombian city),
 *   nor a word of English that the caller lists;
 * - Latin letters, at least four of them.
 * A division's name drops its kind ("Kurdistan Province", "Borno State" are
 * also "Kurdistan", "Borno") unless that leaves a word of another use.
 */

export interface GeoCity {
  readonly name: string;
  /** ISO alpha-2. */
  readonly country: string;
  readonly population: number;
}

export interface GeoDivision {
  readonly name: string;
  /** ISO alpha-2. */
  readonly country: string;
}

export type PlaceKind = "city" | "division";

export interface PlaceRules {
  readonly minPopulation: number;
  readonly sharedPopulation: number;
  readonly dominance: number;
  /** A state's name, official name, demonym or capital, in lower case. */
  readonly isStateName: (lower: string) => boolean;
  /** Is the name (in lower case) a word of English or a name of other use, which no place of this kind should take? */
  readonly isOtherUse: (lower: string, kind: PlaceKind) => boolean;
}

/** Places by ISO alpha-2 code, each state's names sorted. */
export type PlacesByState = Record<string, string[]>;

const USABLE = /^[\p{Script=Latin}\p{M}\s'’.-]+$/u;
const DIVISION_KINDS =
  / (?:Province|Region|State|District|Rayon|Governorate|Prefecture|Oblast|Krai|County|Department|Division)$/;

function usable(name: string): boolean {
  return USABLE.test(name) && name.replace(/[^\p{L}]/gu, "").length >= 4;
}

/** How the gazetteer compares names: case, accents and hyphens aside ("Münster" is "Munster"). */
function keyOf(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\s-]+/g, " ")
    .toLowerCase();
}

export function selectPlaces(
  cities: readonly GeoCity[],
  divisions: readonly GeoDivision[],
  rules: PlaceRules,
): PlacesByState {
  const divisionNames = divisions.flatMap((division) => {
    const short = division.name.replace(DIVISION_KINDS, "");
    return short === division.name ? [division] : [division, { ...division, name: short }];
  });
  // Each name's places by state: its largest city's people, or a division's,
  // which counts as larger than any city of another state.
  const sizes = new Map<string, Map<string, number>>();
  const note = (name: string, country: string, size: number): void => {
    const key = keyOf(name);
    const byState = sizes.get(key) ?? new Map<string, number>();
    byState.set(country, Math.max(byState.get(country) ?? 0, size));
    sizes.set(key, byState);
  };
  for (const city of cities)
    if (city.population >= rules.sharedPopulation) note(city.name, city.country, city.population);
  for (const division of divisionNames) note(division.name, division.country, Number.POSITIVE_INFINITY);
  const cityPeople = new Map<string, number>();
  for (const city of cities) {
    const key = `${city.country}:${keyOf(city.name)}`;
    cityPeople.set(key, Math.max(cityPeople.get(key) ?? 0, city.population));
  }

  /** Is `name` this state's, its place of it `own` times larger than any other state's? */
  const ownedBy = (name: string, country: string, own: number): boolean => {
    for (const [other, size] of sizes.get(keyOf(name)) ?? []) {
      if (other !== country && own < size * rules.dominance) return false;
    }
    return true;
  };
  const large = cities.filter((city) => city.population >= rules.minPopulation);
  const withLargeCity = new Set(large.map((city) => city.country));
  const places: PlacesByState = {};
  const keep = (name: string, country: string, kind: PlaceKind, own: number): void => {
    const lower = name.toLowerCase();
    if (!usable(name) || rules.isStateName(lower) || rules.isOtherUse(lower, kind)) return;
    if (!ownedBy(name, country, own)) return;
    const list = (places[country] ??= []);
    if (!list.includes(name)) list.push(name);
  };
  for (const city of large) keep(city.name, city.country, "city", city.population);
  // A division yields to a city of its name elsewhere ("Savannah" is Georgia's city, not Ghana's region).
  for (const division of divisionNames) {
    if (!withLargeCity.has(division.country)) continue;
    keep(
      division.name,
      division.country,
      "division",
      cityPeople.get(`${division.country}:${keyOf(division.name)}`) ?? 0,
    );
  }
  for (const list of Object.values(places)) list.sort();
  return places;
}
