import { describe, expect, it } from "vitest";
import { convertPhoenixAgents, pluralOf } from "./phoenix-agents.ts";

// A small agents dictionary in the Phoenix format, written for this test.
const AGENTS = `
# Phoenix agents file
!PERSON! = MAN, MEN, WOMAN, WOMEN

POLICE {} [~COP]
POLICE!PERSON! [~COP]
RIOT_POLICE {} [~COP]
BORDER_GUARD [~MIL]
REBEL [~REB]
MILITIA [~UAF]
TEACHER [~EDU]
COURT_OF_APPEALS {COURTS_OF_APPEALS} [~JUD]
AMBASSADOR_TO {} [~GOV]
POLICE_CHIEF [~COP]
LIBERATION_ARMY_ [~REB]
PRISON [~COP]
NAVAL [~MIL]
LT. [~MIL]
CHIEF EXECUTIVE [~GOV]
AUTHORITY [~GOV]
DEPUTY [~COP]  # mostly a member of parliament
`;

const lookup = {
  endsInTitle: (phrase: string) => phrase === "chief" || phrase.endsWith(" chief"),
  isOtherSense: (form: string) => ["prison", "prisons", "authority", "deputy", "deputies"].includes(form),
  isNoun: (word: string) => word !== "naval",
};

describe("convertPhoenixAgents", () => {
  const agents = convertPhoenixAgents(AGENTS, lookup);
  const kindOf = (phrase: string): string | undefined => agents.find((a) => a.phrase === phrase)?.kind;

  it.each([
    ["police", "COP"],
    ["policeman", "COP"],
    ["policewomen", "COP"],
    ["riot police", "COP"],
    ["border guard", "MIL"],
    ["border guards", "MIL"],
    ["rebels", "REB"],
    ["teachers", "EDU"],
    ["courts of appeals", "JUD"],
    ["authorities", "GOV"],
  ])("keeps %s as %s", (phrase, kind) => {
    expect(kindOf(phrase)).toBe(kind);
  });

  it.each([
    ["polices", "{} says it has no plural"],
    ["militia", "an unidentified armed group is no state's agent"],
    ["ambassador to", "a phrase ending in a preposition"],
    ["police chief", "a title names its holder"],
    ["liberation army", "the start of a longer name"],
    ["prison", "a place, not people"],
    ["naval", "an adjective"],
    ["lt.", "an abbreviation"],
    ["chief executive", "a malformed line"],
    ["authority", "an abstract noun in the singular"],
    ["deputy", "a word of another common sense"],
    ["court of appealses", "the head is not the last word"],
  ])("leaves out %s (%s)", (phrase) => {
    expect(kindOf(phrase)).toBeUndefined();
  });

  it("lists each form once, lower-case", () => {
    const phrases = agents.map((a) => a.phrase);
    expect(new Set(phrases).size).toBe(phrases.length);
    for (const p of phrases) expect(p).toBe(p.toLowerCase());
  });
});

describe("pluralOf", () => {
  it.each([
    ["rebel", "rebels"],
    ["militia", "militias"],
    ["policeman", "policemen"],
    ["authority", "authorities"],
    ["church", "churches"],
    ["activist", "activists"],
  ])("%s -> %s", (word, plural) => {
    expect(pluralOf(word)).toBe(plural);
  });
});
