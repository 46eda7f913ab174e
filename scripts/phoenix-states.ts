// Writes data/actors/state-forms.json: the adjectival forms of states' names
// ("Philippine") from PETRARCH-2's Phoenix countries dictionary (CountryInfo,
// 2014; Open Event Data Alliance, MIT: data/cameo/PETRARCH-LICENSE). Run when
// the dictionary or the converter changes; the result is committed.
//   npx tsx scripts/phoenix-states.ts [PATH/TO/petrarch2]
// (default: ../shared/dictionaries/petrarch2)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readWorldCountries } from "../src/knowledge/actors.ts";
import { convertPhoenixStateForms } from "../src/knowledge/phoenix-states.ts";
import { DICTIONARIES, ROOT, stateNameForms } from "./phoenix-common.ts";

const countries = readWorldCountries();
const names = new Map(countries.map((c) => [c.cca3, c.name.common]));
const nameWords = new Set(
  countries.flatMap((c) => [c.name.common, c.name.official].flatMap((n) => n.toLowerCase().split(/\s+/))),
);
const known = stateNameForms();
const forms = convertPhoenixStateForms(
  readFileSync(join(DICTIONARIES, "Phoenix.Countries.actors.txt"), "utf8"),
  {
    nameOf: (code) => names.get(code),
    inStateName: (word) => nameWords.has(word),
    isKnown: (form) => known.has(form.toLowerCase()),
  },
);
const target = join(ROOT, "data", "actors", "state-forms.json");
const comment =
  "Adjectival forms of states' names converted from the Phoenix countries dictionary of PETRARCH-2 (CountryInfo, 2014; Open Event Data Alliance, MIT: data/cameo/PETRARCH-LICENSE) by scripts/phoenix-states.ts (src/knowledge/phoenix-states.ts says which are kept). Read as demonyms, below the world-countries package and states.json. Do not edit: regenerate, or put the form in states.json, which wins.";
writeFileSync(target, `${JSON.stringify({ $comment: comment, states: forms }, null, 2)}\n`);
console.log(
  `wrote ${Object.values(forms).flat().length} forms of ${Object.keys(forms).length} states to ${target}`,
);
