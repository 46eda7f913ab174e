// Writes data/actors/armed-groups.json from the Phoenix actor dictionaries
// of PETRARCH-2 (Open Event Data Alliance, MIT: data/cameo/PETRARCH-LICENSE):
// the non-state armed groups file and the militant groups of the countries
// file. Run when the dictionaries or the converter change; the result is
// committed, so users and tests never need the dictionaries.
//   npx tsx scripts/phoenix-groups.ts [PATH/TO/petrarch2]
// (default: ../shared/dictionaries/petrarch2)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { convertPhoenixGroups, type ArmedGroup } from "../src/knowledge/phoenix-groups.ts";
import { DICTIONARIES, isState, tagged, writeActorData } from "./phoenix-common.ts";

const lookup = {
  isState,
  // The tagger's lexicon knows English plurals: "tigers" has the lemma "tiger".
  isPluralWord: (word: string) => {
    const lemma = tagged(word)?.lemma;
    return lemma !== undefined && lemma !== word;
  },
  isFunctionWord: (word: string) => {
    const pos = tagged(word)?.pos;
    return pos !== undefined && pos !== "NOUN" && pos !== "PROPN";
  },
};

const files = ["Phoenix.MilNonState.actors.txt", "Phoenix.Countries.actors.txt"];
// An alias that two entries share names the first (the dictionaries list a few groups twice).
const taken = new Set<string>();
const unclaimed = (alias: string): boolean => {
  // As the gazetteer keys phrases: "Lashkar-e-Tayyiba" and "Lashkar e Tayyiba" are one.
  const key = alias
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (taken.has(key)) return false;
  taken.add(key);
  return true;
};
const groups: ArmedGroup[] = [];
for (const file of files) {
  for (const group of convertPhoenixGroups(readFileSync(join(DICTIONARIES, file), "utf8"), lookup)) {
    const aliases = group.aliases.filter(unclaimed);
    const shortForms = group.shortForms.filter(unclaimed);
    if (aliases.length > 0) groups.push({ ...group, aliases, shortForms });
  }
}
const comment =
  "Non-state armed groups converted from the Phoenix actor dictionaries of PETRARCH-2 (Open Event Data Alliance, MIT: data/cameo/PETRARCH-LICENSE) by scripts/phoenix-groups.ts (src/knowledge/phoenix-groups.ts says which aliases stand alone). Coded by the state they fight in, as CAMEO does; IMG for a transnational group. Do not edit: regenerate, or put a group in organizations.json, which wins.";
writeActorData("armed-groups.json", comment, "groups", groups);
