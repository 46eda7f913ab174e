// Writes data/actors/state-bodies.json (the agencies and institutions of
// states in PETRARCH-2's Phoenix countries dictionary) and
// data/actors/international.json (the intergovernmental and non-governmental
// bodies of its international dictionary), both Open Event Data Alliance, MIT:
// data/cameo/PETRARCH-LICENSE. Run when the dictionaries or the converter
// change; the results are committed, so users and tests never need the
// dictionaries.
//   npx tsx scripts/phoenix-bodies.ts [PATH/TO/petrarch2]
// (default: ../shared/dictionaries/petrarch2)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  convertPhoenixInternational,
  convertPhoenixStateBodies,
  type PhoenixBody,
} from "../src/knowledge/phoenix-bodies.ts";
import { DICTIONARIES, isEnglishWord, isState, ROOT, writeActorData } from "./phoenix-common.ts";

/** As the gazetteer keys phrases: "Shin-Bet" and "Shin Bet" are one. */
const key = (phrase: string): string =>
  phrase
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
const readData = (file: string): unknown =>
  JSON.parse(readFileSync(join(ROOT, "data", "actors", file), "utf8"));

// Titles of office name their holder (the title grammar's work), not a body; ranks ("general") are
// words of bodies' names too ("General Assembly").
const grammar = readData("grammar.json") as { titles: { phrase: string }[]; titleHeads: string[] };
const RANKS = new Set(["general", "gen"]);
const titles = [...grammar.titles.map((t) => key(t.phrase)), ...grammar.titleHeads.map(key)].filter(
  (t) => t && !RANKS.has(t),
);
const hasTitle = (phrase: string): boolean => {
  const padded = ` ${key(phrase)} `;
  return titles.some((t) => padded.includes(` ${t} `));
};
// A person's first name opens a name of a person, not of a body ("Susan Rice").
const persons = [
  ...(readData("persons.json") as { persons: { name: string }[] }).persons,
  ...(readData("phoenix-persons.json") as { persons: { name: string }[] }).persons,
];
// (not an English word: the persons' data holds a few bodies, "Islamic Front").
const firstNames = new Set(
  persons.flatMap((p) => (p.name.includes(" ") ? [p.name.split(" ")[0] ?? ""] : [])),
);
const isFirstName = (word: string): boolean => firstNames.has(word) && !isEnglishWord(word.toLowerCase());
const lookup = { isState, isEnglishWord, hasTitle, isFirstName };

// Our own data wins: a converted body takes only the names no actor of ours (nor an armed group) takes.
interface Named {
  name: string;
  aliases: string[];
  shortForms?: string[];
}
const taken = new Set<string>();
const own: Named[] = [
  ...(readData("organizations.json") as { organizations: Named[] }).organizations,
  ...(readData("armed-groups.json") as { groups: Named[] }).groups,
  ...(readData("igos.json") as { bodies: Named[] }).bodies,
];
for (const o of own) for (const n of [o.name, ...o.aliases, ...(o.shortForms ?? [])]) taken.add(key(n));
const states = readData("states.json") as { states: Record<string, Record<string, string[]>> };
for (const extra of Object.values(states.states))
  for (const list of Object.values(extra)) for (const n of list) taken.add(key(n));

/**
 * Each alias for the first body that gives it; a body left with none is
 * dropped, and entries of one name (the dictionaries list a few bodies twice) are one body.
 */
function unclaimed(bodies: readonly PhoenixBody[]): PhoenixBody[] {
  const byName = new Map<string, PhoenixBody>();
  for (const body of bodies) {
    const aliases = body.aliases.filter((alias) => {
      const k = key(alias);
      if (!k || taken.has(k)) return false;
      taken.add(k);
      return true;
    });
    if (aliases.length === 0) continue;
    const same = byName.get(key(body.name));
    byName.set(
      key(body.name),
      same ? { ...same, aliases: [...same.aliases, ...aliases] } : { ...body, aliases },
    );
  }
  return [...byName.values()];
}

const read = (file: string): string => readFileSync(join(DICTIONARIES, file), "utf8");
const stateBodies = unclaimed(convertPhoenixStateBodies(read("Phoenix.Countries.actors.txt"), lookup));
writeActorData(
  "state-bodies.json",
  "Agencies and institutions of states converted from the Phoenix countries dictionary of PETRARCH-2 (CountryInfo, 2014; Open Event Data Alliance, MIT: data/cameo/PETRARCH-LICENSE) by scripts/phoenix-bodies.ts (src/knowledge/phoenix-bodies.ts says which names are kept). Same shape as organizations.json; each is coded by its state. Do not edit: regenerate, or put the body in organizations.json, which wins.",
  "organizations",
  stateBodies.map((b) => ({ name: b.name, country: b.country, aliases: b.aliases })),
);
const international = unclaimed(
  convertPhoenixInternational(read("Phoenix.International.actors.txt"), lookup),
);
writeActorData(
  "international.json",
  "Intergovernmental and non-governmental bodies converted from the Phoenix international dictionary of PETRARCH-2 (Open Event Data Alliance, MIT: data/cameo/PETRARCH-LICENSE) by scripts/phoenix-bodies.ts (src/knowledge/phoenix-bodies.ts says which names are kept). Same shape as igos.json: NGOs are coded IGO as igos.json codes the large ones. Do not edit: regenerate, or put the body in igos.json, which wins.",
  "bodies",
  international.map((b) => ({ name: b.name, aliases: b.aliases })),
);
