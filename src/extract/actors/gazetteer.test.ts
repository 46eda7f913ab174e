import { describe, expect, it } from "vitest";
import { actorIdOrThrow, isoDateOrThrow } from "../../core/ids.ts";
import { countryCodeOrThrow, type ActorRecord } from "../../core/records.ts";
import { compareAtPrecision, createGazetteer, type ActorGrammar, type GazetteerSource } from "./gazetteer.ts";

function state(code: string): ActorRecord {
  return {
    type: "actor",
    id: actorIdOrThrow(code),
    kind: "state",
    name: code,
    country: countryCodeOrThrow(code),
  };
}

function person(slug: string, name: string, country: string): ActorRecord {
  return {
    type: "actor",
    id: actorIdOrThrow(`person:${slug}`),
    kind: "person",
    name,
    country: countryCodeOrThrow(country),
  };
}

const grammar: ActorGrammar = {
  titles: [{ phrase: "president", role: "president", to: false }],
  titleHeads: ["minister"],
  temporalModifiers: ["former"],
  rankModifiers: ["deputy"],
  honorifics: ["Mr"],
  actorNouns: ["army"],
  afterPerson: ["administration"],
  leaderRoles: ["president"],
  notActorAfter: ["language"],
  notActorBefore: ["anti"],
  pairPhrases: ["the two countries"],
  bareTwo: ["the two"],
  contextPhrases: ["the country"],
  personContextPhrases: ["his country"],
  stopPhrases: ["Washington Post"],
  institutions: ["foreign ministry", "ministry"],
  attackerModifiers: ["armed"],
  ethnicNouns: ["Kurds"],
  ethnicMarkers: ["ethnic"],
  pronouns: ["it"],
  pronounNotBefore: ["is"],
  clauseLinks: ["although"],
  nameParticles: ["al"],
  nameHeads: ["Center"],
  nameStopWords: ["Ministry"],
  functionWords: ["The"],
};

const date = isoDateOrThrow;
const source: GazetteerSource = {
  actors: [
    {
      actor: state("DOM"),
      aliases: [
        { text: "Dominican Republic", via: "name", priority: 40 },
        { text: "Dominican", via: "demonym", priority: 40 },
      ],
    },
    { actor: state("DMA"), aliases: [{ text: "Dominican", via: "demonym", priority: 40 }] },
    {
      actor: state("FRA"),
      aliases: [
        { text: "French", via: "demonym", priority: 40 },
        { text: "Paris", via: "capital", priority: 40, place: true },
      ],
    },
    { actor: state("ATF"), aliases: [{ text: "French", via: "demonym", priority: 30 }] },
    { actor: state("USA"), aliases: [{ text: "Washington", via: "capital", priority: 50, place: true }] },
  ],
  persons: [
    {
      actor: person("a-one", "A One", "IRN"),
      names: ["A One"],
      surnames: ["One"],
      surnameAlone: false,
      terms: [
        { role: "president", country: countryCodeOrThrow("IRN"), from: date("2013-08"), to: date("2021-08") },
      ],
    },
    {
      actor: person("b-two", "B Two", "IRN"),
      names: ["B Two"],
      surnames: ["Two"],
      surnameAlone: true,
      terms: [
        { role: "president", country: countryCodeOrThrow("IRN"), from: date("2021-08"), to: date("2024-05") },
      ],
    },
    {
      actor: person("c-three", "C Three", "IRN"),
      names: ["C Three"],
      surnames: ["Three"],
      surnameAlone: true,
      terms: [{ role: "president", country: countryCodeOrThrow("IRN"), from: date("2024-07"), to: null }],
    },
  ],
  grammar,
};

describe("createGazetteer", () => {
  const gazetteer = createGazetteer(source);

  it("gives a phrase to the higher priority and reports equal claims", () => {
    expect(gazetteer.lookup("French")?.id).toBe("FRA");
    expect(gazetteer.lookup("Dominican")?.id).toBe("DOM");
    expect(gazetteer.conflicts).toEqual([{ phrase: "dominican", actors: ["DOM", "DMA"] }]);
  });

  it("lets stop phrases name nothing", () => {
    expect(gazetteer.lookup("Washington")?.id).toBe("USA");
    expect(gazetteer.lookup("Washington Post")).toBeNull();
  });

  it("finds persons and states by name", () => {
    expect(gazetteer.person("B Two")?.actor.id).toBe("person:b-two");
    expect(gazetteer.state("FRA")?.kind).toBe("state");
    expect(gazetteer.state("XYZ")).toBeNull();
    expect(gazetteer.size).toBe(8);
  });

  it.each([
    ["2015", "person:a-one"],
    ["2021", "person:b-two"],
    ["2021-07", "person:a-one"],
    ["2024-06", null],
    ["2024", "person:c-three"],
    ["2030-01-01", "person:c-three"],
    ["2000", null],
  ])("holderOf(president, IRN, %s) is %s", (when, expected) => {
    expect(gazetteer.holderOf("president", "IRN", date(when))?.id ?? null).toBe(expected);
  });
});

describe("compareAtPrecision", () => {
  it.each([
    ["2024", "2024-05", 0],
    ["2024-04", "2024-05", -1],
    ["2024-05-31", "2024-05", 0],
    ["2025", "2024-12-31", 1],
  ])("compares %s with %s", (a, b, expected) => {
    expect(compareAtPrecision(a, b)).toBe(expected);
  });
});
