// Writes data/actors/phoenix-persons.json from the persons of PETRARCH-2's
// Phoenix countries dictionary (Open Event Data Alliance, MIT:
// data/cameo/PETRARCH-LICENSE), with the dates of their roles. Run when the
// dictionary or the converter changes; the result is committed, so users and
// tests never need the dictionaries.
//   npx tsx scripts/phoenix-persons.ts [PATH/TO/petrarch2]
// (default: ../shared/dictionaries/petrarch2)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  convertPhoenixPersons,
  distinctiveSurnames,
  type PhoenixPerson,
} from "../src/knowledge/phoenix-persons.ts";
import {
  DICTIONARIES,
  isEnglishWord,
  isState,
  ROOT,
  stateNameForms,
  tagged,
  writeActorData,
} from "./phoenix-common.ts";

const lookup = {
  isState,
  // The tagger knows English: a word it reads as other than a noun ("may", "will") is no surname.
  isEnglishWord: (word: string) => {
    const pos = tagged(word)?.pos;
    return pos !== undefined && pos !== "NOUN" && pos !== "PROPN";
  },
};

/** As the gazetteer keys phrases: "Abdel-Fattah" and "Abdel Fattah" are one. */
const key = (phrase: string): string =>
  phrase
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
// Our own persons win: the dictionary adds only names they do not already take.
const own = JSON.parse(readFileSync(join(ROOT, "data", "actors", "persons.json"), "utf8")) as {
  persons: { name: string; country: string; aliases?: string[]; surnames?: string[] }[];
};
const taken = new Set(own.persons.flatMap((p) => [p.name, ...(p.aliases ?? [])]).map(key));
// The dictionary files a few states among its persons ("South Sudan"): a state's names stay the state's.
for (const form of stateNameForms()) taken.add(key(form));
const persons: PhoenixPerson[] = [];
for (const person of convertPhoenixPersons(
  readFileSync(join(DICTIONARIES, "Phoenix.Countries.actors.txt"), "utf8"),
  lookup,
)) {
  if (taken.has(key(person.name))) continue;
  // An alias two entries share names the first.
  const aliases = person.aliases.filter((alias) => !taken.has(key(alias)));
  for (const alias of aliases) taken.add(key(alias));
  if (aliases.length > 0) persons.push({ ...person, aliases });
}
// A surname that only one known person bears names that person alone ("Gorbachev").
const distinct = distinctiveSurnames([...own.persons, ...persons], isEnglishWord);
const withAlone = persons.map((p) =>
  p.surnames.length > 0 && p.surnames.every((s) => distinct.has(s.toLowerCase()))
    ? { ...p, surnameAlone: true }
    : p,
);
const comment =
  "Persons and their dated roles converted from the Phoenix countries dictionary of PETRARCH-2 (CountryInfo, 2014; Open Event Data Alliance, MIT: data/cameo/PETRARCH-LICENSE) by scripts/phoenix-persons.ts (src/knowledge/phoenix-persons.ts). Same shape as persons.json; roles are CAMEO sectors (government, elite, military, ...); surnameAlone where only one known person bears the surname (distinctiveSurnames). Do not edit: regenerate, or put the person in persons.json, which wins.";
writeActorData("phoenix-persons.json", comment, "persons", withAlone);
