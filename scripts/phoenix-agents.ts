// Writes data/actors/agents.json: the nouns of a state's generic agents
// ("police", "rebels", "teachers") with their CAMEO agent kind, from
// PETRARCH-2's Phoenix agents dictionary (Open Event Data Alliance, MIT:
// data/cameo/PETRARCH-LICENSE). Run when the dictionary or the converter
// change; the result is committed, so users and tests never need the
// dictionary.
//   npx tsx scripts/phoenix-agents.ts [PATH/TO/petrarch2]
// (default: ../shared/dictionaries/petrarch2)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { convertPhoenixAgents } from "../src/knowledge/phoenix-agents.ts";
import { DICTIONARIES, ROOT, tagged, writeActorData } from "./phoenix-common.ts";

// A title of office names one holder, whom the title grammar reads ("ambassador", "police chief").
const grammar = JSON.parse(readFileSync(join(ROOT, "data", "actors", "grammar.json"), "utf8")) as {
  titles: { phrase: string }[];
};
const titles = grammar.titles.map((t) => t.phrase.toLowerCase());
const endsInTitle = (phrase: string): boolean => titles.some((t) => phrase === t || phrase.endsWith(` ${t}`));

// Forms that are mostly something else in news English, by what they mostly are.
const OTHER_SENSE = new Set([
  // things and places, not people
  ...["prison", "prisons", "village", "villages", "settlement", "settlements", "neighborhood"],
  ...["neighbourhood", "neighborhoods", "neighbourhoods", "school", "schools", "college", "colleges"],
  ...["university", "universities", "hospital", "hospitals", "infirmary", "sanatorium", "sanitarium"],
  ...["airliner", "airliners", "jetliner", "jetliners", "passenger airliner", "passenger jet"],
  ...["commercial jet", "carrier", "carriers", "cruiser", "cruisers", "destroyer", "destroyers"],
  ...["bomber", "bombers", "barracks", "garrison", "garrisons", "artillery", "warplane", "warship"],
  ...["newspaper", "newspapers", "magazine", "magazines", "gazette", "publication", "publications"],
  ...["website", "websites", "blog", "blogs", "tabloid", "tabloids", "television", "tv", "telecom"],
  ...["kindergarten", "kindergarden", "preschool", "conservatory", "schoolhouse", "chancery"],
  ...["chamber", "chambers", "assemblage", "assemblies", "consulate", "consulates", "embassy"],
  ...["embassies", "chancellery", "polity", "governance", "state-owned", "small town"],
  // another common sense
  ...["deputy", "deputies", "native", "natives", "mother", "mothers", "girl", "girls", "infant"],
  ...["infants", "victim", "victims", "community", "communities", "population", "populations"],
  ...["customer", "customers", "constituent", "constituents", "hunter", "hunters", "engineer"],
  ...["engineers", "scientist", "scientists", "writer", "writers", "publisher", "publishers"],
  ...["counsel", "counsels", "advocate", "advocates", "exile", "exiles", "objector", "objectors"],
  ...["crusader", "crusaders", "reformer", "reformers", "reformist", "reformists", "believer"],
  ...["sovereign", "regulator", "regulators", "media", "echelon", "echelons", "service", "services"],
  ...["naturalized", "tenant", "tenants", "delegate", "delegates", "representatives", "generals"],
  ...["revolt", "revolts", "rebellion", "rebellions", "uprising", "uprisings", "insurgency"],
  ...["insurgencies", "insurgence", "doc", "docs", "medico", "medicos", "fisher", "fishers"],
  ...["granger", "grangers", "cropper", "croppers", "mob", "mobs", "rabble", "child", "children"],
  ...["captain", "captains", "ensign", "ensigns", "counselor", "counselors", "counsellor"],
  ...["counsellors", "phalanx", "phalanxes"],
  // abstract nouns in the singular
  ...["authority", "intelligence", "administration", "state", "kingdom", "bureaucracy"],
]);
const isOtherSense = (form: string): boolean => OTHER_SENSE.has(form);

const text = readFileSync(join(DICTIONARIES, "Phoenix.agents.txt"), "utf8");
const isNoun = (word: string): boolean => tagged(word)?.pos === "NOUN";
const agents = convertPhoenixAgents(text, { endsInTitle, isOtherSense, isNoun });
writeActorData(
  "agents.json",
  "Nouns of a state's generic agents with their CAMEO agent kind (police COP, rebels REB, teachers EDU), converted from the Phoenix agents dictionary of PETRARCH-2 (Open Event Data Alliance, MIT: data/cameo/PETRARCH-LICENSE) by scripts/phoenix-agents.ts (src/knowledge/phoenix-agents.ts says which are kept; plurals are made there). An agent with a state ('Pakistani police', 'police in Karachi') is that state's actor; a bare one takes the one state its document names. Do not edit: regenerate.",
  "agents",
  agents,
);
